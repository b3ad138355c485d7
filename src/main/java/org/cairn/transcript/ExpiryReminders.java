package org.cairn.transcript;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cairn.district.DistrictRepository;
import org.cairn.issuing.BadgeRecords;
import org.cairn.issuing.BadgeRecords.IssuedBadge;
import org.cairn.language.Message;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.template.TemplateCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reminds a badge's holder, in the app and by mail (as their notification preferences say), at the district's
 * reminder days before the badge expires (60, 30 and 7 unless the district sets others).
 *
 * <p>
 * Exactly once across instances: before notifying, the sweep inserts a reminder document whose id is
 * {@code <assertionId>:<days>}; the unique id lets exactly one instance (and one sweep) win it, the others skip. A
 * sweep that first sees a badge late sends only the nearest reminder (a badge 5 days from expiry gets the 7-day
 * one, not three at once). Nothing is kept in an instance's memory between sweeps.
 */
@Component
class ExpiryReminders implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

	/** The longest reminder a district may set: one lookup window for the whole sweep. */
	static final Duration HORIZON = Duration.ofDays(365);

	private final BadgeRecords badges;

	private final Credits credits;

	private final TemplateCatalog templates;

	private final DistrictRepository districts;

	private final Notifier notifier;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final Renewals renewals;

	private final AtomicBoolean sweeping = new AtomicBoolean();

	private final Duration sweepEvery;

	ExpiryReminders(BadgeRecords badges, Credits credits, Renewals renewals, TemplateCatalog templates,
			DistrictRepository districts, Notifier notifier, ReactiveMongoTemplate mongo, Clock clock,
			TranscriptProperties properties) {
		this.sweepEvery = properties.reminderSweepMs();
		this.badges = badges;
		this.renewals = renewals;
		this.credits = credits;
		this.templates = templates;
		this.districts = districts;
		this.notifier = notifier;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The claim of one reminder; its id makes it exactly once. */
	@Document("transcript_expiry_reminders")
	record Reminder(@Id String id, String districtId, String personId, String assertionId, int days, Instant expires,
			Instant sentAt) {
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, sweepEvery, sweepEvery));
	}

	void sweep() {
		if (sweeping.compareAndSet(false, true)) {
			sweepOnce().doFinally(signal -> sweeping.set(false))
				.subscribe(count -> {
				}, ex -> log.warn("Expiry reminder sweep stopped: {}", ex.toString()));
		}
	}

	/** Sends every reminder due now; the number this call sent. */
	Mono<Long> sweepOnce() {
		Instant now = clock.instant();
		return badges.expiringBetween(now, now.plus(HORIZON))
			// a renewed badge needs no reminder: its holder already has the next one
			.concatMap(b -> renewals.renewed(b.assertionId())
				.filter(renewed -> !renewed)
				.flatMap(notRenewed -> credits.settings(b.districtId()))
				.flatMap(settings -> due(b, settings, now)))
			.count();
	}

	/** Claims and sends the nearest reminder due for this badge, if any and if no one claimed it before. */
	private Mono<Reminder> due(IssuedBadge b, CreditSettings settings, Instant now) {
		long daysLeft = Math.max(1, (Duration.between(now, b.expires()).toHours() + 23) / 24);
		Integer days = settings.reminderDays()
			.stream()
			.filter(d -> daysLeft <= d)
			.min(Integer::compare)
			.orElse(null);
		if (days == null) {
			return Mono.empty();
		}
		Reminder claim = new Reminder(b.assertionId() + ":" + days, b.districtId(), b.personId(), b.assertionId(),
				days, b.expires(), now);
		return mongo.insert(claim)
			.flatMap(won -> send(b, daysLeft).thenReturn(won))
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	private Mono<Void> send(IssuedBadge b, long daysLeft) {
		return Mono.zip(districts.findById(b.districtId()),
				templates.find(b.districtId(), b.templateId()).map(t -> Credits.name(t, b.tierKey())).defaultIfEmpty("Your badge"))
			.flatMap(found -> {
				ZoneId zone = ZoneId.of(found.getT1().timeZone() == null ? "UTC" : found.getT1().timeZone());
				LocalDate on = b.expires().atZone(zone).toLocalDate();
				String name = found.getT2();
				return notifier.notify(b.districtId(), b.personId(), NoticeKind.BADGE_EXPIRING,
						Message.of("transcript.notice.expiring.title", name, daysLeft),
						Message.of("transcript.notice.expiring.text", name, found.getT1().name(), on),
						"/my/renewals/" + b.assertionId());
			});
	}

}
