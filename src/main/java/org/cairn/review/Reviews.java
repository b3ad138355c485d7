package org.cairn.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.award.Awards;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.enrollment.Enrollment;
import org.cairn.enrollment.Enrollments;
import org.cairn.enrollment.PinnedTemplates;
import org.cairn.notification.AppLinks;
import org.cairn.language.Language;
import org.cairn.language.Message;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import org.cairn.review.Submission.Move;
import org.cairn.template.Template;
import org.cairn.template.Tier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Submitting tiers for review, deciding them, and what a pass earns. */
@Service
public class Reviews {

	private final SubmissionRepository submissions;

	private final Assignments assignments;

	private final Enrollments enrollments;

	private final PinnedTemplates templates;

	private final DistrictRepository districts;

	private final PersonRepository people;

	private final ReactiveMongoTemplate mongo;

	private final Notifier notifier;

	private final PublishedEvidenceIds publishedEvidence;

	private final Awards awards;

	private final Clock clock;

	private final List<SubmissionRules> rules;

	private final ApplicationEventPublisher events;

	Reviews(SubmissionRepository submissions, Assignments assignments, Enrollments enrollments,
			PinnedTemplates templates, DistrictRepository districts, PersonRepository people,
			ReactiveMongoTemplate mongo, Notifier notifier, PublishedEvidenceIds publishedEvidence,
			Awards awards, Clock clock, List<SubmissionRules> rules, ApplicationEventPublisher events) {
		this.rules = List.copyOf(rules);
		this.events = events;
		this.submissions = submissions;
		this.assignments = assignments;
		this.enrollments = enrollments;
		this.templates = templates;
		this.districts = districts;
		this.people = people;
		this.mongo = mongo;
		this.notifier = notifier;
		this.publishedEvidence = publishedEvidence;
		this.awards = awards;
		this.clock = clock;
	}

	/** The tier's submission, if it was ever submitted. */
	public Mono<Submission> find(String enrollmentId, String tierKey) {
		return submissions.findByEnrollmentIdAndTierKey(enrollmentId, tierKey);
	}

	/** Keys of the tiers of an enrolment that have passed. */
	public Mono<Set<String>> passedTiers(String enrollmentId) {
		return submissions.findByEnrollmentId(enrollmentId)
			.filter(s -> s.state() == SubmissionState.PASSED)
			.map(Submission::tierKey)
			.collect(Collectors.toSet());
	}

	/**
	 * Completes when the tier may be submitted now: a resubmission after a return always may (the first one met
	 * the programme's rules); a first submission asks the enrolment's programme, if any.
	 */
	public Mono<Void> checkSubmission(Enrollment enrollment, Tier tier) {
		return find(enrollment.id(), tier.key()).hasElement()
			.flatMap(submitted -> submitted ? Mono.<Void>empty()
					: Flux.fromIterable(rules).concatMap(r -> r.checkFirstSubmission(enrollment, tier)).then());
	}

	/** Submissions of these enrolments (last) submitted in {@code [from, to)}, oldest first. */
	public Flux<Submission> submittedBetween(java.util.Collection<String> enrollmentIds, Instant from, Instant to) {
		return mongo.find(Query.query(Criteria.where("enrollmentId").in(enrollmentIds).and("submittedAt").gte(from).lt(to))
			.with(org.springframework.data.domain.Sort.by("submittedAt", "_id")), Submission.class);
	}

	/** Whether this person may assess this teacher's work in this district (never their own; their coach only where allowed). */
	public static boolean mayAssess(Person assessor, Person teacher, District district) {
		return Assignments.eligible(assessor, teacher, district);
	}

	/** Whether this caller is the assessor of the tier's current attempt. */
	public Mono<Boolean> isAssessorOf(CairnUser user, String enrollmentId, String tierKey) {
		return find(enrollmentId, tierKey).map(s -> user.personId().equals(s.assessorId())).defaultIfEmpty(false);
	}

	/**
	 * Queues a tier (first submission or a resubmission after return) and assigns its assessor. A repeated submit
	 * of a tier already waiting returns it unchanged.
	 */
	public Mono<Submission> submit(Enrollment enrollment, Template template, Tier tier, List<String> evidenceIds) {
		Instant now = clock.instant();
		return find(enrollment.id(), tier.key()).flatMap(existing -> switch (existing.state()) {
			case SUBMITTED -> Mono.just(existing);
			case PASSED -> Mono.<Submission>error(ProblemException.of(ReviewProblem.ALREADY_PASSED, "already-passed"));
			case RETURNED -> resubmit(existing, enrollment, evidenceIds, now);
		}).switchIfEmpty(Mono.defer(() -> firstSubmission(enrollment, template, tier, evidenceIds, now)));
	}

	private Mono<Submission> firstSubmission(Enrollment enrollment, Template template, Tier tier,
			List<String> evidenceIds, Instant now) {
		return assessorFor(enrollment, null).map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap(assessor -> {
				Attempt first = new Attempt(1, now, evidenceIds, assessor.orElse(null), null, null, null, null, null);
				Submission fresh = new Submission(null, enrollment.districtId(), enrollment.id(),
						enrollment.personId(), template.id(), template.title(), tier.key(), tier.title(),
						SubmissionState.SUBMITTED, 1, assessor.orElse(null), now, null, List.of(first));
				return submissions.save(fresh)
					.doOnNext(this::announce)
					.flatMap(saved -> notifyArrival(saved).thenReturn(saved))
					.onErrorResume(DuplicateKeyException.class, ex -> find(enrollment.id(), tier.key()));
			});
	}

	private Mono<Submission> resubmit(Submission returned, Enrollment enrollment, List<String> evidenceIds,
			Instant now) {
		return assessorFor(enrollment, returned.assessorId()).map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap(assessor -> {
				List<Attempt> attempts = new ArrayList<>(returned.attempts());
				attempts.add(new Attempt(returned.attempt() + 1, now, evidenceIds, assessor.orElse(null), null, null,
						null, null, null));
				Update update = new Update().set("attempt", returned.attempt() + 1)
					.set("assessorId", assessor.orElse(null))
					.set("submittedAt", now)
					.set("decidedAt", null)
					.set("attempts", attempts);
				return move(returned.id(), returned.attempt(), Move.RESUBMIT, update)
					.flatMap(saved -> notifyArrival(saved).thenReturn(saved))
					.switchIfEmpty(submissions.findById(returned.id()));
			});
	}

	/**
	 * The assessor the enrolment's programme fixed (a cohort's evaluator) when still eligible; else the previous
	 * assessor when still eligible (they know the work); otherwise the next in turn.
	 */
	private Mono<String> assessorFor(Enrollment enrollment, String previous) {
		return Mono.zip(districts.findById(enrollment.districtId()), people.findById(enrollment.personId()))
			.flatMap(dt -> {
				District district = dt.getT1();
				Person teacher = dt.getT2();
				Mono<String> fixed = Flux.fromIterable(rules)
					.concatMap(r -> r.assessorOf(enrollment))
					.next()
					.flatMap(id -> people.findByIdAndDistrictId(id, district.id()))
					.filter(p -> Assignments.eligible(p, teacher, district))
					.map(Person::id);
				Mono<String> keep = previous == null ? Mono.empty()
						: people.findByIdAndDistrictId(previous, district.id())
							.filter(p -> Assignments.eligible(p, teacher, district))
							.map(Person::id);
				return fixed.switchIfEmpty(keep).switchIfEmpty(assignments.next(district, teacher));
			});
	}

	/** An admin picks (or changes) the assessor of a waiting submission. */
	Mono<Submission> reassign(CairnUser user, String submissionId, String assessorId) {
		user.require(Role.DISTRICT_ADMIN);
		return submissions.findByIdAndDistrictId(submissionId, user.districtId())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Submission " + submissionId)))
			.flatMap(s -> s.personId().equals(user.personId()) ? Mono.error(ownWork("choose the assessor of"))
					: Mono.just(s))
			.flatMap(s -> Mono
				.zip(districts.findById(user.districtId()), people.findById(s.personId()),
						people.findByIdAndDistrictId(assessorId, user.districtId())
							.switchIfEmpty(Mono.error(() -> ProblemException.invalid("assessorId",
									"no such person in this district"))))
				.flatMap(t -> {
					if (!Assignments.eligible(t.getT3(), t.getT2(), t.getT1())) {
						return Mono.error(ProblemException.invalid("assessorId",
								"not eligible: must be an active assessor, not the teacher"
										+ (t.getT1().allowCoachAsAssessor() ? "" : ", and not the teacher's coach")));
					}
					List<Attempt> attempts = new ArrayList<>(s.attempts());
					Attempt cur = s.current();
					attempts.set(attempts.size() - 1, new Attempt(cur.number(), cur.submittedAt(), cur.evidenceIds(),
							assessorId, null, null, null, null, null));
					return move(s.id(), s.attempt(), Move.REASSIGN,
							new Update().set("assessorId", assessorId).set("attempts", attempts))
						.switchIfEmpty(Mono.error(() -> ProblemException.of(CommonProblem.INVALID_STATE, "invalid-state-2")))
						.flatMap(saved -> notifyArrival(saved).thenReturn(saved));
				}));
	}

	/**
	 * The one conditional update of a submission: the move happens only while the submission is still in the
	 * move's starting state and on the given attempt, so of concurrent callers exactly one changes it (the others
	 * get empty).
	 */
	private Mono<Submission> move(String id, int attempt, Move move, Update changes) {
		return mongo.findAndModify(
				Query.query(Criteria.where("_id").is(id).and("state").is(move.from()).and("attempt").is(attempt)),
				changes.set("state", move.to()), FindAndModifyOptions.options().returnNew(true), Submission.class)
			.doOnNext(this::announce);
	}

	/** Tells the features that keep figures about submissions (the reports) that the district's changed. */
	private void announce(Submission changed) {
		events.publishEvent(new SubmissionsChanged(changed.districtId()));
	}

	/** Nobody judges their own work, nor picks who judges it. */
	private static ProblemException ownWork(String action) {
		return ProblemException.forbidden("You cannot " + action + " your own submission. "
				+ "Another assessor or administrator has to do it.");
	}

	/**
	 * Scores and decides the current attempt. Exactly one decision per attempt: the update is guarded by state
	 * and attempt number. The same decider retrying the same outcome gets the decision back (and any unfinished
	 * outcome, such as the award, completed); anyone else gets {@code already-decided}.
	 */
	public Mono<Submission> decide(CairnUser user, String submissionId, DecisionBody body) {
		user.require(Role.ASSESSOR, Role.DISTRICT_ADMIN);
		return submissions.findByIdAndDistrictId(submissionId, user.districtId())
			.filter(s -> s.personId().equals(user.personId()) || user.personId().equals(s.assessorId())
					|| user.has(Role.DISTRICT_ADMIN))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Submission " + submissionId)))
			.flatMap(s -> s.personId().equals(user.personId()) ? Mono.error(ownWork("score")) : Mono.just(s))
			.flatMap(s -> Mono.zip(templates.get(s.districtId(), s.templateId()),
					enrollments.get(s.districtId(), s.enrollmentId())).flatMap(found -> {
				Template template = found.getT1();
				// a renewal enrolment's tiers are its renewal path's
				Tier tier = found.getT2().tier(template, s.tierKey())
					.orElseThrow(() -> ProblemException.notFound("Tier " + s.tierKey()));
				boolean passes = ScoreCheck.passes(template, tier, body);
				Move decision = Submission.decide(passes);
				if (!s.allows(decision, body.attempt())) {
					return alreadyDecided(user, s, body, template, tier);
				}
				List<Attempt> attempts = new ArrayList<>(s.attempts());
				Instant now = clock.instant();
				attempts.set(attempts.size() - 1,
						s.current().decided(now, user.personId(), body.outcome(), body.scores(), body.comment()));
				return move(s.id(), body.attempt(), decision,
						new Update().set("decidedAt", now).set("attempts", attempts))
					.flatMap(decided -> afterDecision(decided, template, tier).thenReturn(decided))
					.switchIfEmpty(Mono.defer(() -> submissions.findById(s.id())
						.flatMap(now2 -> alreadyDecided(user, now2, body, template, tier))));
			}));
	}

	private Mono<Submission> alreadyDecided(CairnUser user, Submission s, DecisionBody body, Template template,
			Tier tier) {
		Attempt attempt = s.attempts().size() >= body.attempt() && body.attempt() >= 1
				? s.attempts().get(body.attempt() - 1) : null;
		if (attempt != null && attempt.outcome() == body.outcome() && user.personId().equals(attempt.decidedBy())) {
			// a retry of the same decision: finish whatever the first call may not have
			return (body.outcome() == Attempt.Outcome.PASS ? outcomesOfPass(s, template, tier) : Mono.<Void>empty())
				.thenReturn(s);
		}
		return Mono.error(ProblemException.of(ReviewProblem.ALREADY_DECIDED, "already-decided", (attempt != null && attempt.outcome() != null
							? " (" + attempt.outcome().name().toLowerCase() + ")." : "."))
			.with("state", s.state())
			.with("attempt", s.attempt()));
	}

	private Mono<Void> afterDecision(Submission decided, Template template, Tier tier) {
		// the notice names the tier and the microcredential as each reader reads them (a district's Spanish wording)
		Template es = template.in(Language.ES);
		Object tierName = Message.written(tier.title(),
				es.tier(tier.key()).or(() -> es.tier(tier.key(), true)).map(Tier::title).orElse(null));
		// the microcredential's Spanish title: this version's wording, else a later version's
		return templates.writtenTitle(template).flatMap(templateName -> {
			if (decided.state() == SubmissionState.PASSED) {
				return outcomesOfPass(decided, template, tier)
					.then(notifier.notify(decided.districtId(), decided.personId(), NoticeKind.TIER_PASSED,
							Message.of("review.notice.passed.title", tierName, templateName),
							Message.of("review.notice.passed.text", tierName, templateName),
							AppLinks.tier(decided.enrollmentId(), tier.key())));
			}
			return notifier.notify(decided.districtId(), decided.personId(), NoticeKind.TIER_RETURNED,
					Message.of("review.notice.returned.title", tierName, templateName),
					decided.current().comment() == null ? Message.of("review.notice.returned.text", tierName)
							: Message.of("review.notice.returned.text-comment", tierName, decided.current().comment()),
					AppLinks.tier(decided.enrollmentId(), tier.key()));
		});
	}

	/** Stipend, budget and award: each keyed so that running it again changes nothing. */
	private Mono<Void> outcomesOfPass(Submission passed, Template template, Tier tier) {
		return enrollments.get(passed.districtId(), passed.enrollmentId()).flatMap(e -> {
			List<Tier> tiers = e.tiers(template);
			boolean last = tiers.get(tiers.size() - 1).key().equals(tier.key());
			Mono<Void> money = enrollments.recordPass(e, template, tier, last);
			return money.then(e.renews() ? renewalAward(e, passed, template, last) : award(passed, template, tier, last));
		});
	}

	/**
	 * A renewal earns one badge, when its last tier passes: the badge it renews, issued again (same tier, a new
	 * validity), under the award key the district's own renewal uses, so a badge is renewed once whichever way.
	 */
	private Mono<Void> renewalAward(Enrollment e, Submission passed, Template template, boolean last) {
		if (!last) {
			return Mono.empty();
		}
		return publishedEvidence.idsFor(passed.enrollmentId(), passed.tierKey())
			.collectList()
			.flatMap(evidence -> awards.grant(new Awards.NewAward(Awards.renewalKey(e.renewal().assertionId()),
					passed.districtId(), passed.personId(), passed.enrollmentId(), template.id(),
					e.renewal().tierKey(), 0, evidence)))
			.then();
	}

	private Mono<Void> award(Submission passed, Template template, Tier tier, boolean last) {
		return !(tier.awardedSeparately() || last) ? Mono.empty()
				: publishedEvidence.idsFor(passed.enrollmentId(), tier.key())
					.collectList()
					.flatMap(evidence -> awards.grant(new Awards.NewAward(passed.enrollmentId() + ":" + tier.key(),
							passed.districtId(), passed.personId(), passed.enrollmentId(), template.id(),
							tier.awardedSeparately() ? tier.key() : null, tier.stipendCents(), evidence)))
					.then();
	}

	private Mono<Void> notifyArrival(Submission s) {
		return notifier.notify(s.districtId(), s.assessorId(), NoticeKind.SUBMISSION_ARRIVED,
				Message.of("review.notice.arrived.title", s.tierTitle(), s.templateTitle()),
				Message.of("review.notice.arrived.text", String.valueOf(s.attempt()), s.tierTitle(), s.templateTitle()),
				AppLinks.review(s.id()));
	}

	/** Submissions visible to the caller: the teacher's own, the assessor's assigned ones, all for admins. */
	Mono<Submission> visible(CairnUser user, String submissionId) {
		return submissions.findByIdAndDistrictId(submissionId, user.districtId())
			.filter(s -> s.personId().equals(user.personId()) || user.personId().equals(s.assessorId())
					|| user.has(Role.DISTRICT_ADMIN))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Submission " + submissionId)));
	}

	Flux<Submission> ofEnrollment(String enrollmentId) {
		return submissions.findByEnrollmentId(enrollmentId);
	}

	/** One page of the waiting submissions, oldest first (the order is in the repository methods' names). */
	Flux<Submission> queue(String districtId, String assessorId, org.cairn.paging.ListPage page) {
		var onePage = page.pageable(org.springframework.data.domain.Sort.unsorted());
		return assessorId == null
				? submissions.findByDistrictIdAndStateOrderBySubmittedAtAsc(districtId, SubmissionState.SUBMITTED,
						onePage)
				: submissions.findByDistrictIdAndStateAndAssessorIdOrderBySubmittedAtAsc(districtId,
						SubmissionState.SUBMITTED, assessorId, onePage);
	}

	/** The decision an assessor sends. */
	public record DecisionBody(@jakarta.validation.constraints.Min(1) int attempt,
			@jakarta.validation.constraints.NotNull Attempt.Outcome outcome,
			@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(
					max = 200) List<@jakarta.validation.Valid Score> scores,
			@jakarta.validation.constraints.Size(max = 4000) String comment) {
	}

}
