package org.cairn.cohort;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cairn.language.Message;
import org.cairn.notification.AppLinks;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.review.Reviews;
import org.cairn.template.Template;
import org.cairn.enrollment.PinnedTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reminds each member of an open cohort, in the app and by mail (as their preferences say), at the cohort's
 * reminder days before each due date of work they have not submitted yet.
 *
 * <p>
 * Exactly once across instances: before notifying, a sweep inserts a claim whose id names the cohort, the member,
 * the due date's tier and task, and the reminder day; the unique id lets one instance (and one sweep) win it. A
 * sweep that first sees a due date late sends only the nearest reminder. Nothing is kept in memory between sweeps.
 */
@Component
class CohortReminders implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CohortReminders.class);

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private final Cohorts cohorts;

	private final PinnedTemplates templates;

	private final Reviews reviews;

	private final Notifier notifier;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private final java.time.Duration sweepEvery;

	CohortReminders(Cohorts cohorts, PinnedTemplates templates, Reviews reviews, Notifier notifier,
			ReactiveMongoTemplate mongo, Clock clock, CohortProperties properties) {
		this.cohorts = cohorts;
		this.templates = templates;
		this.reviews = reviews;
		this.notifier = notifier;
		this.mongo = mongo;
		this.clock = clock;
		this.sweepEvery = properties.reminderSweepMs();
	}

	/** The claim of one reminder; its id makes it exactly once. */
	@Document("cohort_reminders")
	record Reminder(@Id String id, String cohortId, String personId, String tierKey, String taskKey, int days,
			LocalDate dueOn, java.time.Instant sentAt) {
	}

	static String longDate(LocalDate day) {
		return LONG_DATE.format(day);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, sweepEvery, sweepEvery));
	}

	void sweep() {
		if (sweeping.compareAndSet(false, true)) {
			sweepOnce().doFinally(signal -> sweeping.set(false))
				.subscribe(count -> {
				}, ex -> log.warn("Cohort reminder sweep stopped: {}", ex.toString()));
		}
	}

	/** Sends every reminder due now; the number this call sent. */
	Mono<Long> sweepOnce() {
		// a day's margin either side of UTC: the exact day is taken in each district's zone below
		LocalDate yesterday = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).minusDays(1);
		return mongo.find(Query.query(Criteria.where("closesOn").gte(yesterday)), Cohort.class)
			.filter(c -> !c.deadlines().isEmpty() && !c.reminderDays().isEmpty())
			.collectList()
			.flatMap(open -> open.isEmpty() ? Mono.just(0L)
					: cohorts.membersOf(open.stream().map(Cohort::id).toList())
						.flatMap(members -> Flux.fromIterable(open)
							.concatMap(cohort -> remind(cohort, members.getOrDefault(cohort.id(), List.of())))
							.reduce(0L, Long::sum)));
	}

	private Mono<Long> remind(Cohort cohort, List<CohortMember> members) {
		if (members.isEmpty()) {
			return Mono.just(0L);
		}
		return Mono.zip(cohorts.zone(cohort.districtId()), templates.get(cohort.districtId(), cohort.templateId()))
			.flatMap(zt -> {
				ZoneId zone = zt.getT1();
				LocalDate today = LocalDate.now(clock.withZone(zone));
				return Flux.fromIterable(cohort.deadlines())
					.filter(d -> !d.dueOn().isBefore(today))
					.concatMap(d -> {
						long daysLeft = ChronoUnit.DAYS.between(today, d.dueOn());
						Integer days = cohort.reminderDays().stream().filter(r -> daysLeft <= r)
							.min(Integer::compare).orElse(null);
						return days == null ? Flux.<Long>empty()
								: Flux.fromIterable(members).concatMap(m -> due(cohort, zt.getT2(), m, d, days, daysLeft));
					})
					.count();
			})
			.onErrorResume(ex -> {
				log.warn("Cohort {}: reminders skipped this sweep: {}", cohort.id(), ex.toString());
				return Mono.just(0L);
			});
	}

	/** Claims and sends one member's reminder, unless the work is in or someone claimed it before. */
	private Mono<Long> due(Cohort cohort, Template template, CohortMember m, Deadline d, int days, long daysLeft) {
		return reviews.find(m.enrollmentId(), d.tierKey()).hasElement().flatMap(submitted -> {
			if (submitted) {
				return Mono.empty();
			}
			String task = d.forTier() ? "-" : d.taskKey();
			Reminder claim = new Reminder(String.join(":", cohort.id(), m.personId(), d.tierKey(), task,
					String.valueOf(days)), cohort.id(), m.personId(), d.tierKey(), d.forTier() ? null : d.taskKey(),
					days, d.dueOn(), clock.instant());
			return mongo.insert(claim)
				.flatMap(won -> send(cohort, template, m, d, daysLeft).thenReturn(1L))
				.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
		});
	}

	private Mono<Void> send(Cohort cohort, Template template, CohortMember m, Deadline d, long daysLeft) {
		// what is due and the microcredential, as each reader reads them (the district's Spanish wording too)
		Template es = template.in(org.cairn.language.Language.ES);
		Object what = Message.written(what(template, d), what(es, d));
		Object templateTitle = Message.written(cohort.templateTitle(),
				es.es() == null ? null : es.title());
		String text = cohort.acceptLate() ? "cohort.notice.due.textLate" : "cohort.notice.due.textOnTime";
		return notifier.notify(cohort.districtId(), m.personId(), NoticeKind.WORK_DUE,
				Message.of("cohort.notice.due.title", what, daysLeft),
				Message.of(text, what, templateTitle, d.dueOn(), cohort.name()),
				AppLinks.tier(m.enrollmentId(), d.tierKey()));
	}

	/** The tier, or the task and its tier: "Lesson plan (Tier 2)". */
	private static String what(Template template, Deadline d) {
		var tier = template.tier(d.tierKey());
		String tierTitle = tier.map(org.cairn.template.Tier::title).orElse(d.tierKey());
		return d.forTier() ? tierTitle
				: tier.flatMap(t -> t.requirements().stream().filter(r -> r.key().equals(d.taskKey())).findFirst())
					.map(r -> r.title() + " (" + tierTitle + ")")
					.orElse(tierTitle);
	}

	/** Claims sent so far to a member (tests and the admin's view). */
	Flux<Reminder> sentTo(String cohortId, String personId) {
		return mongo.find(Query.query(Criteria.where("cohortId").is(cohortId).and("personId").is(personId)),
				Reminder.class);
	}

}
