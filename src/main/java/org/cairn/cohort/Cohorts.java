package org.cairn.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.enrollment.Enrollments;
import org.cairn.enrollment.PinnedTemplates;
import org.cairn.language.Message;
import org.cairn.notification.AppLinks;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.people.Invitations;
import org.cairn.people.Invite;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.review.Reviews;
import org.cairn.review.Submission;
import org.cairn.template.Template;
import org.cairn.template.Tier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Opening cohorts, enrolling their teachers, choosing their evaluator, and what each role sees of them. A cohort's
 * members are enrolled by the administrator's act (approved, budget committed), so they start at once; everyone
 * else keeps enrolling at their own pace.
 */
@Service
public class Cohorts {

	static final List<Integer> DEFAULT_REMINDER_DAYS = List.of(7, 1);

	private final ReactiveMongoTemplate mongo;

	private final PinnedTemplates templates;

	private final PersonRepository people;

	private final DistrictRepository districts;

	private final Enrollments enrollments;

	private final Invitations invitations;

	private final Reviews reviews;

	private final Notifier notifier;

	private final Clock clock;

	Cohorts(ReactiveMongoTemplate mongo, PinnedTemplates templates, PersonRepository people,
			DistrictRepository districts, Enrollments enrollments, Invitations invitations, Reviews reviews,
			Notifier notifier, Clock clock) {
		this.mongo = mongo;
		this.templates = templates;
		this.people = people;
		this.districts = districts;
		this.enrollments = enrollments;
		this.invitations = invitations;
		this.reviews = reviews;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** What an administrator sends to open a cohort. */
	public record NewCohort(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 120)
	@org.cairn.mail.HeaderText String name, @jakarta.validation.constraints.NotBlank String templateId,
			@jakarta.validation.constraints.NotNull LocalDate opensOn,
			@jakarta.validation.constraints.NotNull LocalDate closesOn,
			@jakarta.validation.constraints.Size(max = 100) List<@jakarta.validation.Valid Deadline> deadlines,
			boolean acceptLate, @jakarta.validation.constraints.Size(max = 5) List<Integer> reminderDays,
			@jakarta.validation.constraints.NotBlank String evaluatorId) {
	}

	/**
	 * Opens a cohort. The name is unique in the district, so a retried request returns the cohort it opened (201
	 * the first time, 200 after); another cohort with that name is a clear error.
	 */
	public Mono<Opened> open(CairnUser admin, NewCohort body) {
		admin.require(Role.DISTRICT_ADMIN);
		String name = body.name().trim();
		return templates.get(admin.districtId(), body.templateId()).flatMap(template -> {
			List<FieldProblem> problems = CohortWindow.problems(template, body);
			if (!problems.isEmpty()) {
				return Mono.error(ProblemException.invalid(problems));
			}
			return evaluator(admin.districtId(), body.evaluatorId()).then(Mono.defer(() -> {
				List<Integer> days = body.reminderDays() == null ? DEFAULT_REMINDER_DAYS : body.reminderDays();
				Cohort fresh = new Cohort(null, admin.districtId(), name, template.id(), template.title(),
						body.opensOn(), body.closesOn(), body.deadlines(), body.acceptLate(), days, body.evaluatorId(),
						admin.personId(), clock.instant());
				return mongo.insert(fresh)
					.map(saved -> new Opened(saved, true))
					.onErrorResume(DuplicateKeyException.class, ex -> byName(admin.districtId(), name)
						.flatMap(existing -> existing.templateId().equals(template.id())
								? Mono.just(new Opened(existing, false))
								: Mono.error(ProblemException.invalid("name",
										"another cohort of this district already has this name"))));
			}));
		});
	}

	public record Opened(Cohort cohort, boolean created) {
	}

	/** The evaluator: an active assessor of the district. */
	private Mono<Person> evaluator(String districtId, String evaluatorId) {
		return people.findByIdAndDistrictId(evaluatorId, districtId)
			.filter(p -> p.active() && p.has(Role.ASSESSOR))
			.switchIfEmpty(Mono.error(() -> ProblemException.invalid("evaluatorId",
					"must be an active assessor of your district")));
	}

	private Mono<Cohort> byName(String districtId, String name) {
		return mongo.findOne(Query.query(Criteria.where("districtId").is(districtId).and("name").is(name)),
				Cohort.class);
	}

	/** A cohort of the caller's district that the caller may see: admins, and the cohort's evaluator; else 404. */
	Mono<Cohort> visible(CairnUser user, String id) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("districtId").is(user.districtId())),
				Cohort.class)
			.filter(c -> user.has(Role.DISTRICT_ADMIN) || user.personId().equals(c.evaluatorId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Cohort " + id)));
	}

	/** The district's cohorts for admins, newest window first; for an assessor, the cohorts they evaluate. */
	Flux<Cohort> list(CairnUser user) {
		user.require(Role.DISTRICT_ADMIN, Role.ASSESSOR);
		Criteria which = Criteria.where("districtId").is(user.districtId());
		if (!user.has(Role.DISTRICT_ADMIN)) {
			which = which.and("evaluatorId").is(user.personId());
		}
		return mongo.find(Query.query(which).with(Sort.by(Sort.Direction.DESC, "opensOn").and(Sort.by("_id"))),
				Cohort.class);
	}

	// --- members ----------------------------------------------------------------------------------------------------

	/** What became of one address of the list an administrator enrolled. */
	public record Outcome(String email, Result result, String personId, String enrollmentId, String detail) {

		public enum Result {
			/** Now a member, enrolled and active. */
			ENROLLED,
			/** Had no account: invited by mail, and enrolled. */
			INVITED,
			/** Was a member already. */
			ALREADY,
			/** Not enrolled; the detail says why. */
			REFUSED
		}

	}

	/**
	 * Enrols a list of teachers by email, one after another, each on its own: an unknown address is invited (as a
	 * teacher) and enrolled; a refusal (not a teacher, the evaluator's own work, the budget) is reported on its row
	 * and stops nothing else. Safe to repeat: members are keyed by cohort and person.
	 */
	public Flux<Outcome> enrol(CairnUser admin, String cohortId, List<String> emails) {
		admin.require(Role.DISTRICT_ADMIN);
		return visible(admin, cohortId).zipWith(districts.findById(admin.districtId()))
			.flatMapMany(found -> Flux.fromIterable(emails.stream().map(Person::normalizeEmail).distinct().toList())
				.concatMap(email -> enrolOne(admin, found.getT1(), found.getT2(), email)));
	}

	private Mono<Outcome> enrolOne(CairnUser admin, Cohort cohort, District district, String email) {
		if (!Person.isEmailAddress(email)) {
			return Mono.just(refused(email, null, "This is not an email address."));
		}
		return people.findByEmail(email)
			.filter(p -> admin.districtId().equals(p.districtId()))
			.map(p -> new Found(p, false))
			.switchIfEmpty(Mono.defer(() -> invitations
				.invite(admin.districtId(), admin.personId(),
						new Invite(email, null, Set.of(Role.TEACHER), null, null, null))
				.map(invited -> new Found(invited.person(), invited.created()))))
			.flatMap(found -> join(admin, cohort, district, found))
			.onErrorResume(ProblemException.class,
					ex -> Mono.just(refused(email, null, ex.toProblemDetail().getDetail())));
	}

	private record Found(Person person, boolean invited) {
	}

	private Mono<Outcome> join(CairnUser admin, Cohort cohort, District district, Found found) {
		Person teacher = found.person();
		if (!teacher.has(Role.TEACHER) || teacher.departed()) {
			return Mono.just(refused(teacher.email(), teacher.id(), "Not a teacher of this district."));
		}
		String conflict = conflict(cohort.evaluatorId(), teacher, district);
		if (conflict != null) {
			return Mono.just(refused(teacher.email(), teacher.id(), conflict));
		}
		String memberId = CohortMember.idOf(cohort.id(), teacher.id());
		return mongo.findById(memberId, CohortMember.class)
			.map(m -> new Outcome(teacher.email(), Outcome.Result.ALREADY, teacher.id(), m.enrollmentId(), null))
			.switchIfEmpty(Mono.defer(() -> enrollments
				.enrolFor(cohort.districtId(), teacher.id(), cohort.templateId(), admin.personId(),
						"Enrolled in the cohort " + cohort.name() + ".")
				.flatMap(started -> mongo
					.insert(new CohortMember(memberId, cohort.id(), cohort.districtId(), teacher.id(),
							started.enrollment().id(), found.invited(), clock.instant()))
					.flatMap(member -> welcome(cohort, member).thenReturn(new Outcome(teacher.email(),
							found.invited() ? Outcome.Result.INVITED : Outcome.Result.ENROLLED, teacher.id(),
							member.enrollmentId(), null)))
					// the same member twice at once, or the enrolment already in another cohort
					.onErrorResume(DuplicateKeyException.class, ex -> mongo.findById(memberId, CohortMember.class)
						.map(m -> new Outcome(teacher.email(), Outcome.Result.ALREADY, teacher.id(), m.enrollmentId(),
								null))
						.defaultIfEmpty(refused(teacher.email(), teacher.id(),
								"This teacher already works on " + cohort.templateTitle()
										+ " in another cohort."))))));
	}

	/** Why this evaluator may not review this teacher's work; null when they may. */
	static String conflict(String evaluatorId, Person teacher, District district) {
		if (teacher.id().equals(evaluatorId)) {
			return "This teacher is the cohort's evaluator: nobody evaluates their own work.";
		}
		if (!district.allowCoachAsAssessor() && evaluatorId.equals(teacher.coachId())) {
			return "The cohort's evaluator is this teacher's coach, and your district does not let coaches "
					+ "evaluate their own teachers.";
		}
		return null;
	}

	private static Outcome refused(String email, String personId, String detail) {
		return new Outcome(email, Outcome.Result.REFUSED, personId, null, detail);
	}

	private Mono<Void> welcome(Cohort cohort, CohortMember member) {
		Message text = cohort.deadlines().isEmpty()
				? Message.of("cohort.notice.enrolled.text", cohort.name(), cohort.templateTitle(), cohort.opensOn(),
						cohort.closesOn())
				: Message.of("cohort.notice.enrolled.textFirst", cohort.name(), cohort.templateTitle(), cohort.opensOn(),
						cohort.closesOn(), cohort.deadlines().get(0).dueOn());
		return notifier.notify(cohort.districtId(), member.personId(), NoticeKind.COHORT_ENROLLED,
				Message.of("cohort.notice.enrolled.title", cohort.name()), text,
				AppLinks.enrollment(member.enrollmentId()));
	}

	Flux<CohortMember> members(String cohortId) {
		return mongo.find(Query.query(Criteria.where("cohortId").is(cohortId)).with(Sort.by("joinedAt", "_id")),
				CohortMember.class);
	}

	/**
	 * Changes the evaluator for the submissions still to come (waiting ones keep theirs; an administrator
	 * reassigns them in the review queue). Refused when the new evaluator may not review every member.
	 */
	Mono<Cohort> changeEvaluator(CairnUser admin, String cohortId, String evaluatorId) {
		admin.require(Role.DISTRICT_ADMIN);
		return visible(admin, cohortId).flatMap(cohort -> evaluator(admin.districtId(), evaluatorId)
			.then(districts.findById(admin.districtId()))
			.flatMap(district -> members(cohortId).flatMap(m -> people.findById(m.personId()))
				.filter(teacher -> conflict(evaluatorId, teacher, district) != null)
				.map(Person::displayName)
				.collectList()
				.flatMap(blocked -> blocked.isEmpty()
						? mongo.findAndModify(Query.query(Criteria.where("_id").is(cohortId)),
								new Update().set("evaluatorId", evaluatorId),
								org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
								Cohort.class)
						: Mono.error(ProblemException.of(CohortProblem.EVALUATOR_NOT_ELIGIBLE, "evaluator-not-eligible", String.join(", ", blocked))))));
	}

	// --- views ------------------------------------------------------------------------------------------------------

	/** One due date as a member stands with it. */
	record DueView(String tierKey, String tierTitle, String taskKey, String taskTitle, LocalDate dueOn,
			Status status) {

		enum Status {
			/** Not yet submitted, due date ahead. */
			DUE,
			/** Not submitted and the due date has passed. */
			OVERDUE,
			/** Submitted, waiting for review. */
			SUBMITTED,
			/** Returned for revision. */
			RETURNED,
			/** Passed. */
			PASSED
		}

	}

	/** A member with where they stand on each due date. */
	record MemberView(String personId, String displayName, String email, String school, String enrollmentId,
			boolean invited, List<DueView> due) {
	}

	/** A cohort as its administrator and evaluator see it. */
	record CohortView(Cohort cohort, String evaluatorName, List<MemberView> members) {
	}

	Mono<CohortView> view(CairnUser user, String cohortId) {
		return visible(user, cohortId).flatMap(cohort -> Mono
			.zip(templates.get(cohort.districtId(), cohort.templateId()), zone(cohort.districtId()),
					people.findById(cohort.evaluatorId()).map(Person::displayName).defaultIfEmpty(""))
			.flatMap(t -> members(cohortId)
				.concatMap(m -> people.findById(m.personId())
					.zipWith(due(cohort, t.getT1(), m.enrollmentId(), t.getT2()))
					.map(pd -> new MemberView(m.personId(), pd.getT1().displayName(), pd.getT1().email(),
							pd.getT1().school(), m.enrollmentId(), m.invited(), pd.getT2())))
				.collectList()
				.map(members -> new CohortView(cohort, t.getT3(), members))));
	}

	/** A teacher's cohort: what is due and when, and the next thing due. */
	record MyCohort(String cohortId, String name, String templateTitle, String enrollmentId, LocalDate opensOn,
			LocalDate closesOn, boolean acceptLate, List<DueView> due, DueView next) {
	}

	Flux<MyCohort> mine(CairnUser teacher) {
		return mongo
			.find(Query.query(Criteria.where("districtId").is(teacher.districtId()).and("personId")
				.is(teacher.personId())), CohortMember.class)
			.concatMap(m -> mongo.findById(m.cohortId(), Cohort.class)
				.flatMap(cohort -> Mono.zip(templates.get(cohort.districtId(), cohort.templateId()),
						zone(cohort.districtId()))
					.flatMap(t -> due(cohort, t.getT1(), m.enrollmentId(), t.getT2()))
					.map(due -> new MyCohort(cohort.id(), cohort.name(), cohort.templateTitle(), m.enrollmentId(),
							cohort.opensOn(), cohort.closesOn(), cohort.acceptLate(), due,
							due.stream()
								.filter(d -> d.status() == DueView.Status.DUE || d.status() == DueView.Status.OVERDUE
										|| d.status() == DueView.Status.RETURNED)
								.findFirst()
								.orElse(null)))));
	}

	private Mono<List<DueView>> due(Cohort cohort, Template template, String enrollmentId, ZoneId zone) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		return Flux.fromIterable(cohort.deadlines().stream().map(Deadline::tierKey).distinct().toList())
			.flatMap(tierKey -> reviews.find(enrollmentId, tierKey))
			.collectMap(Submission::tierKey, Function.identity())
			.map(submitted -> cohort.deadlines().stream().map(d -> {
				Tier tier = template.tier(d.tierKey()).orElse(null);
				String taskTitle = d.forTier() || tier == null ? null
						: tier.requirements().stream().filter(r -> r.key().equals(d.taskKey()))
							.map(org.cairn.template.Requirement::title).findFirst().orElse(d.taskKey());
				return new DueView(d.tierKey(), tier == null ? d.tierKey() : tier.title(), d.taskKey(), taskTitle,
						d.dueOn(), status(submitted.get(d.tierKey()), d.dueOn(), today));
			}).toList());
	}

	private static DueView.Status status(Submission s, LocalDate dueOn, LocalDate today) {
		if (s == null) {
			return today.isAfter(dueOn) ? DueView.Status.OVERDUE : DueView.Status.DUE;
		}
		return switch (s.state()) {
			case SUBMITTED -> DueView.Status.SUBMITTED;
			case RETURNED -> DueView.Status.RETURNED;
			case PASSED -> DueView.Status.PASSED;
		};
	}

	/** One submission in an evaluator's month. */
	record MonthItem(String submissionId, String enrollmentId, String personId, String teacher, String tierKey,
			String tierTitle, int attempt, String state, Instant submittedAt, LocalDate dueOn, boolean late,
			boolean mine) {
	}

	/** Every member's submission (last) submitted in the month, in the district's time zone, oldest first. */
	Mono<List<MonthItem>> month(CairnUser user, String cohortId, YearMonth month) {
		return visible(user, cohortId).flatMap(cohort -> zone(cohort.districtId()).flatMap(zone -> {
			Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
			Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
			return members(cohortId).collectMap(CohortMember::enrollmentId)
				.flatMap(byEnrollment -> byEnrollment.isEmpty() ? Mono.just(List.<MonthItem>of())
						: reviews.submittedBetween(byEnrollment.keySet(), from, to)
							.concatMap(s -> people.findById(s.personId()).map(p -> {
								LocalDate due = cohort.tierDue(s.tierKey()).orElse(null);
								boolean late = due != null && !s.submittedAt().isBefore(Cohort.endOf(due, zone));
								return new MonthItem(s.id(), s.enrollmentId(), s.personId(), p.displayName(),
										s.tierKey(), s.tierTitle(), s.attempt(), s.state().name(), s.submittedAt(),
										due, late, user.personId().equals(s.assessorId()));
							}))
							.collectList());
		}));
	}

	Mono<ZoneId> zone(String districtId) {
		return zone(districts, districtId);
	}

	/** The district's time zone, in which due dates end. */
	static Mono<ZoneId> zone(DistrictRepository districts, String districtId) {
		return districts.findById(districtId)
			.map(d -> ZoneId.of(d.timeZone() == null ? "UTC" : d.timeZone()))
			.defaultIfEmpty(ZoneId.of("UTC"));
	}

	/** Members of the cohorts whose windows are still open (for reminders), by cohort. */
	Mono<Map<String, List<CohortMember>>> membersOf(List<String> cohortIds) {
		return mongo.find(Query.query(Criteria.where("cohortId").in(cohortIds)), CohortMember.class)
			.collect(Collectors.groupingBy(CohortMember::cohortId));
	}

}
