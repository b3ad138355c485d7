package org.cairn.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.enrollment.Enrollment.Move;
import org.cairn.notification.AppLinks;
import org.cairn.language.Language;
import org.cairn.language.Message;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import org.cairn.template.Pay;
import org.cairn.template.Template;
import org.cairn.template.TemplateProblem;
import org.cairn.template.TemplateStatus;
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

/**
 * The enrolment life cycle. Every transition is an {@link Enrollment.Move} applied by {@link #move}, the one
 * conditional update guarded by the move's starting states, so retries and concurrent callers make exactly one
 * change; the budget commit is itself a conditional increment.
 */
@Service
public class Enrollments {

	private final EnrollmentRepository enrollments;

	private final PinnedTemplates templates;

	private final DistrictRepository districts;

	private final Budgets budgets;

	private final ReactiveMongoTemplate mongo;

	private final Notifier notifier;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final org.cairn.account.PersonRepository people;

	Enrollments(EnrollmentRepository enrollments, PinnedTemplates templates, DistrictRepository districts,
			Budgets budgets, ReactiveMongoTemplate mongo, Notifier notifier, Clock clock,
			ApplicationEventPublisher events, org.cairn.account.PersonRepository people) {
		this.people = people;
		this.events = events;
		this.enrollments = enrollments;
		this.templates = templates;
		this.districts = districts;
		this.budgets = budgets;
		this.mongo = mongo;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** An enrolment of the caller's district, or 404. */
	public Mono<Enrollment> get(String districtId, String id) {
		return enrollments.findByIdAndDistrictId(id, districtId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Enrollment " + id)));
	}

	/** The caller's own enrolment (404 for anyone else's, so ids of others' work reveal nothing). */
	public Mono<Enrollment> own(CairnUser user, String id) {
		return get(user.districtId(), id).filter(e -> e.personId().equals(user.personId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Enrollment " + id)));
	}

	/** The enrolment, and whether this call created it (a repeated start returns the existing one). */
	public record Started(Enrollment enrollment, boolean created) {
	}

	public Mono<Started> start(CairnUser user, String templateId) {
		user.require(Role.TEACHER);
		return templates.get(user.districtId(), templateId).flatMap(template -> {
			if (template.status() != TemplateStatus.PUBLISHED) {
				return Mono.error(ProblemException.of(TemplateProblem.TEMPLATE_NOT_PUBLISHED, "template-not-published-2"));
			}
			String activeKey = user.personId() + ":" + template.familyId();
			EnrollmentState initial = template.proposalRequired() ? EnrollmentState.PROPOSING
					: EnrollmentState.APPROVING;
			Enrollment fresh = new Enrollment(null, user.districtId(), user.personId(), template.id(),
					template.familyId(), template.title(), activeKey, initial, null, null, null, null, 0,
					clock.instant(), null, null, null);
			return enrollments.findByActiveKey(activeKey)
				.map(existing -> new Started(existing, false))
				.switchIfEmpty(Mono.defer(() -> enrollments.save(fresh)
					.doOnNext(this::announce)
					.flatMap(saved -> initial == EnrollmentState.APPROVING
							? commitClaimed(saved, template, "system", null).onErrorResume(ProblemException.class,
									ex -> enrollments.delete(saved)
										.doOnSuccess(v -> announce(saved))
										.then(Mono.error(ex)))
							: Mono.just(saved))
					.map(saved -> new Started(saved, true))
					.onErrorResume(DuplicateKeyException.class,
							ex -> enrollments.findByActiveKey(activeKey).map(e -> new Started(e, false)))));
		});
	}

	/**
	 * An administrator enrols a teacher (a cohort's list): the enrolment is approved by that act, so it commits the
	 * budget and is active at once, with no proposal. A teacher who already holds an enrolment of this
	 * microcredential keeps it (not created); a refused budget leaves nothing behind.
	 */
	public Mono<Started> enrolFor(String districtId, String personId, String templateId, String actorId,
			String comment) {
		return templates.get(districtId, templateId).flatMap(template -> {
			if (template.status() != TemplateStatus.PUBLISHED) {
				return Mono.error(ProblemException.of(TemplateProblem.TEMPLATE_NOT_PUBLISHED, "template-not-published-2"));
			}
			String activeKey = personId + ":" + template.familyId();
			Enrollment fresh = new Enrollment(null, districtId, personId, template.id(), template.familyId(),
					template.title(), activeKey, EnrollmentState.APPROVING, null, null, null, null, 0, clock.instant(),
					null, null, null);
			return enrollments.findByActiveKey(activeKey)
				.map(existing -> new Started(existing, false))
				.switchIfEmpty(Mono.defer(() -> enrollments.save(fresh)
					.flatMap(saved -> commitClaimed(saved, template, actorId, comment)
						.onErrorResume(ProblemException.class, ex -> enrollments.delete(saved).then(Mono.error(ex))))
					.map(saved -> new Started(saved, true))
					.onErrorResume(DuplicateKeyException.class,
							ex -> enrollments.findByActiveKey(activeKey).map(e -> new Started(e, false)))));
		});
	}

	/**
	 * Starts (or finds) the teacher's renewal of a badge: an enrolment in the template's renewal path, active at
	 * once. A renewal asks for no proposal and commits no budget: it pays no stipend (the tiers' stipends paid for the
	 * learning once) and credits no hours. One per badge: the active key names the badge, so a retry, a second tab or
	 * a second instance finds the same one.
	 */
	public Mono<Started> startRenewal(CairnUser user, String templateId, Enrollment.Renewing renewing) {
		user.require(Role.TEACHER);
		return templates.get(user.districtId(), templateId).flatMap(template -> {
			if (!template.renewable()) {
				return Mono.error(ProblemException.of(EnrollmentProblem.NO_RENEWAL_PATH, "no-renewal-path"));
			}
			String activeKey = user.personId() + ":renews:" + renewing.assertionId();
			Enrollment fresh = new Enrollment(null, user.districtId(), user.personId(), template.id(),
					template.familyId(), template.title(), activeKey, EnrollmentState.ACTIVE, null, null, "renewal",
					null, 0, clock.instant(), null, clock.instant(), null, renewing);
			return enrollments.findByActiveKey(activeKey)
				.map(existing -> new Started(existing, false))
				.switchIfEmpty(Mono.defer(() -> enrollments.save(fresh)
					.doOnNext(this::announce)
					.map(saved -> new Started(saved, true))
					.onErrorResume(DuplicateKeyException.class,
							ex -> enrollments.findByActiveKey(activeKey).map(e -> new Started(e, false)))));
		});
	}

	/** The teacher's renewal of a badge, if started. */
	public Mono<Enrollment> renewalOf(String personId, String assertionId) {
		return enrollments.findByActiveKey(personId + ":renews:" + assertionId);
	}

	public Mono<Enrollment> propose(CairnUser user, String id, Proposal proposal) {
		return own(user, id).flatMap(current -> {
			if (current.state() == EnrollmentState.PROPOSED && proposal.equals(current.proposal())) {
				return Mono.just(current);
			}
			Update submit = new Update().set("proposal", proposal).set("proposedAt", clock.instant());
			return move(id, Move.PROPOSE, submit)
				.switchIfEmpty(Mono.error(() -> stateConflict(current, "submit a proposal")))
				.flatMap(proposed -> districts.findById(proposed.districtId())
					.filter(District::autoApproveProposals)
					.flatMap(d -> approve(proposed, "auto", "Approved automatically.")
						.onErrorResume(ProblemException.class, ex -> Mono.just(proposed)))
					.defaultIfEmpty(proposed));
		});
	}

	public Mono<Enrollment> decide(CairnUser user, String id, ProposalDecision decision) {
		user.require(Role.DISTRICT_ADMIN);
		return get(user.districtId(), id).flatMap(current -> {
			if (current.personId().equals(user.personId())) {
				return Mono.error(ProblemException.forbidden("You cannot decide your own proposal. "
						+ "Another district administrator has to approve, return or decline it."));
			}
			return decideOther(user, current, decision);
		});
	}

	private Mono<Enrollment> decideOther(CairnUser user, Enrollment current, ProposalDecision decision) {
		return switch (decision.decision()) {
			case APPROVE -> approve(current, user.personId(), decision.comment());
			case RETURN -> close(current, Move.RETURN, user.personId(), decision.comment());
			case DECLINE -> close(current, Move.DECLINE, user.personId(), decision.comment());
		};
	}

	private Mono<Enrollment> approve(Enrollment current, String actorId, String comment) {
		return move(current.id(), Move.CLAIM_APPROVAL, new Update())
			.flatMap(claimed -> templates.get(claimed.districtId(), claimed.templateId())
				.flatMap(template -> commitClaimed(claimed, template, actorId, comment)))
			.flatMap(approved -> notifyDecision(approved).thenReturn(approved))
			.switchIfEmpty(Mono.defer(() -> enrollments.findById(current.id())
				.flatMap(now -> now.state() == EnrollmentState.ACTIVE || now.state() == EnrollmentState.COMPLETED
						? Mono.just(now) : Mono.error(stateConflict(now, "approve")))));
	}

	/**
	 * Commits the budget for an enrolment this caller holds in APPROVING (each tier's pay in its fiscal years, see
	 * {@link PaySchedule}); on refusal it goes back.
	 */
	private Mono<Enrollment> commitClaimed(Enrollment claimed, Template template, String actorId, String comment) {
		return districts.findById(claimed.districtId()).flatMap(district -> {
			LocalDate today = clock.instant().atZone(FiscalYear.zone(district)).toLocalDate();
			List<Commitment> commitments = new ArrayList<>();
			for (Tier tier : template.tiers()) {
				for (PaySchedule.YearAmount year : PaySchedule.commitments(tier.pay(), today,
						district.fiscalYearStartMonth())) {
					commitments.add(new Commitment(tier.key(), year.year().label(), year.cents()));
				}
			}
			long total = commitments.stream().mapToLong(Commitment::cents).sum();
			return budgets.commitAll(district, claimed.id(), commitments)
				.then(Mono.defer(() -> move(claimed.id(), Move.ACTIVATE,
						new Update().set("budgetId", BudgetLedger.idFor(district.id(), budgets.currentYear(district)))
							.set("committedCents", total)
							.set("commitments", commitments)
							.set("decidedBy", actorId)
							.set("decisionComment", comment)
							.set("decidedAt", clock.instant()))));
		}).onErrorResume(ProblemException.class,
				ex -> move(claimed.id(), Move.RELEASE_CLAIM, new Update()).then(Mono.error(ex)));
	}

	private Mono<Enrollment> close(Enrollment current, Move close, String actorId, String comment) {
		if (comment == null || comment.isBlank()) {
			return Mono.error(ProblemException.invalid("comment", "say why, so the teacher knows what to change"));
		}
		if (current.state() == close.to()) {
			return Mono.just(current);
		}
		Update update = new Update().set("decisionComment", comment)
			.set("decidedBy", actorId)
			.set("decidedAt", clock.instant());
		if (close == Move.DECLINE) {
			// frees the teacher to propose this microcredential again later
			update.set("activeKey", "declined:" + current.id());
		}
		return move(current.id(), close, update)
			.switchIfEmpty(Mono.error(() -> stateConflict(current, close == Move.DECLINE ? "decline" : "return")))
			.flatMap(decided -> notifyDecision(decided).thenReturn(decided));
	}

	private Mono<Void> notifyDecision(Enrollment e) {
		String verdict = switch (e.state()) {
			case ACTIVE -> "approved";
			case RETURNED -> "returned";
			case DECLINED -> "declined";
			default -> "other";
		};
		String key = "enrollment.notice.proposal." + verdict;
		// the notice names the microcredential as each reader reads it (a district's Spanish wording, a later
		// version's when the enrolment's own has none), as tier notices do; a version gone from the district still
		// gets its notice, under the name the enrolment kept
		return templates.titled(Language.ES, e)
			.map(spanish -> Message.written(e.templateTitle(), spanish.templateTitle()))
			.flatMap(name -> notifier.notify(e.districtId(), e.personId(), NoticeKind.PROPOSAL_DECIDED,
					Message.of(key + ".title", name, e.state().name().toLowerCase()),
					e.decisionComment() == null ? Message.of(key + ".text", name, e.state().name().toLowerCase())
							: Message.of(key + ".text-comment", name, e.decisionComment(),
									e.state().name().toLowerCase()),
					AppLinks.enrollment(e.id())));
	}

	/**
	 * Records what passing a tier earns, once per tier (keyed by enrolment and tier): a stipend for payroll, or a
	 * salary increase, release time or course credit; what approval committed for the tier moves to paid. The
	 * enrolment completes with its last tier.
	 */
	public Mono<Void> recordPass(Enrollment enrollment, Template template, Tier tier, boolean lastTier) {
		// a renewal pays nothing: the pay was earned when the badge was first earned
		Pay pay = tier.pay();
		Mono<Void> earned = enrollment.renews() || pay.kind() == Pay.Kind.NONE ? Mono.empty()
				: districts.findById(enrollment.districtId())
					.flatMap(district -> record(district, enrollment, template, tier)
						.doOnNext(recorded -> events.publishEvent(new EnrollmentsChanged(enrollment.districtId())))
						.flatMap(recorded -> payCommitted(district, enrollment, tier, recorded))
						// recorded already (a retry, another instance): paid with the record, so nothing twice
						.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty()))
					.then();
		Mono<Void> complete = !lastTier ? Mono.empty()
				: move(enrollment.id(), Move.COMPLETE, new Update().set("completedAt", clock.instant())).then();
		return earned.then(complete);
	}

	private Mono<Object> record(District district, Enrollment enrollment, Template template, Tier tier) {
		String id = enrollment.id() + ":" + tier.key();
		if (tier.pay().kind() == Pay.Kind.STIPEND) {
			return mongo.insert(new Stipend(id, enrollment.districtId(), enrollment.personId(), enrollment.id(),
					template.id(), template.title(), tier.key(), tier.title(), tier.stipendCents(), tier.fundingSource(),
					enrollment.budgetId() == null ? null
							: enrollment.budgetId().substring(enrollment.budgetId().lastIndexOf(':') + 1),
					clock.instant()))
				.cast(Object.class);
		}
		LocalDate today = clock.instant().atZone(FiscalYear.zone(district)).toLocalDate();
		LocalDate effectiveOn = tier.pay().kind() == Pay.Kind.SALARY_INCREASE
				? PaySchedule.effectiveOn(tier.pay(), today, district.fiscalYearStartMonth()) : null;
		return mongo.insert(new PayRecord(id, enrollment.districtId(), enrollment.personId(), enrollment.id(),
				template.id(), template.title(), tier.key(), tier.title(), tier.pay(), effectiveOn,
				FiscalYear.of(today, district.fiscalYearStartMonth()).label(), clock.instant()))
			.cast(Object.class);
	}

	/**
	 * What approval committed for the tier becomes paid (earned), in each fiscal year it was committed in. A salary
	 * increase is settled in the years it really falls in: earned later than approval projected, it starts later, so
	 * its commitment moves there ({@link Budgets#settle}: a year that cannot take it is reported to the district's
	 * administrators, never overspent), and the enrolment keeps the years that stand.
	 */
	private Mono<Void> payCommitted(District district, Enrollment enrollment, Tier tier, Object recorded) {
		if (recorded instanceof PayRecord record && record.effectiveOn() != null && enrollment.commitments() != null) {
			return settle(district, enrollment, tier, record);
		}
		return payCommitted(enrollment, tier);
	}

	private Mono<Void> settle(District district, Enrollment enrollment, Tier tier, PayRecord record) {
		java.util.Map<String, Long> before = new java.util.TreeMap<>();
		enrollment.commitments().stream().filter(c -> tier.key().equals(c.tierKey()))
			.forEach(c -> before.merge(c.fiscalYear(), c.cents(), Long::sum));
		java.util.Map<String, Long> after = new java.util.TreeMap<>();
		PaySchedule.fromEffective(record.pay(), record.effectiveOn(), district.fiscalYearStartMonth())
			.forEach(y -> after.merge(y.year().label(), y.cents(), Long::sum));
		return budgets.settle(district, enrollment.id() + ":" + tier.key() + ":earned", before, after)
			.collectList()
			.flatMap(shortfalls -> {
				// the tier's commitments as they now stand: each year's real cost, or what approval committed where
				// the budget could not take more
				java.util.Set<String> refused = new java.util.HashSet<>();
				shortfalls.forEach(s -> refused.add(s.fiscalYear()));
				List<Commitment> standing = new ArrayList<>(enrollment.commitments().stream()
					.filter(c -> !tier.key().equals(c.tierKey())).toList());
				java.util.SortedSet<String> years = new java.util.TreeSet<>(before.keySet());
				years.addAll(after.keySet());
				for (String year : years) {
					long cents = refused.contains(year) ? before.getOrDefault(year, 0L) : after.getOrDefault(year, 0L);
					if (cents > 0) {
						standing.add(new Commitment(tier.key(), year, cents));
					}
				}
				Mono<Void> kept = standing.equals(enrollment.commitments()) ? Mono.empty()
						: mongo.updateFirst(Query.query(Criteria.where("_id").is(enrollment.id())),
								new Update().set("commitments", standing), Enrollment.class).then();
				return kept.then(shortfalls.isEmpty() ? Mono.empty() : tellAdmins(district, record, shortfalls));
			});
	}

	/** The district's administrators learn which years a salary increase could not be funded in. */
	private Mono<Void> tellAdmins(District district, PayRecord record, List<Budgets.Shortfall> shortfalls) {
		String years = String.join(", ", shortfalls.stream()
			.map(s -> s.fiscalYear() + " (" + Language.EN.dollars(s.neededCents()) + ")").toList());
		return people.findByDistrictId(district.id())
			.filter(p -> p.active() && !p.departed() && p.has(Role.DISTRICT_ADMIN))
			.concatMap(admin -> notifier.notify(district.id(), admin.id(), NoticeKind.PAY_UNBUDGETED,
					Message.of("enrollment.notice.unbudgeted.title", record.templateTitle()),
					Message.of("enrollment.notice.unbudgeted.text", record.templateTitle(), record.tierTitle(),
							record.effectiveOn(), years),
					"/admin/pay"))
			.then();
	}

	/** What approval committed for the tier becomes paid (earned), in each fiscal year it was committed in. */
	private Mono<Void> payCommitted(Enrollment enrollment, Tier tier) {
		if (enrollment.commitments() == null) {
			// approved before pay had kinds: the stipend was committed against budgetId
			return enrollment.budgetId() == null || tier.stipendCents() <= 0 ? Mono.empty()
					: budgets.pay(enrollment.budgetId(), tier.stipendCents());
		}
		return Flux.fromIterable(enrollment.commitments())
			.filter(c -> tier.key().equals(c.tierKey()))
			.concatMap(c -> budgets.pay(enrollment.districtId(), c.fiscalYear(), c.cents()))
			.then();
	}

	/**
	 * The one conditional update of an enrolment's state: the move happens only while the enrolment is in one of
	 * the states the move starts from, so of concurrent callers exactly one changes it (the others get empty).
	 */
	private Mono<Enrollment> move(String id, Move move, Update changes) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").in(move.from())),
				changes.set("state", move.to()), FindAndModifyOptions.options().returnNew(true), Enrollment.class)
			.doOnNext(this::announce);
	}

	/** Tells the features that keep figures about enrolments (the reports) that the district's changed. */
	private void announce(Enrollment changed) {
		events.publishEvent(new EnrollmentsChanged(changed.districtId()));
	}

	private static ProblemException stateConflict(Enrollment e, String action) {
		return ProblemException.of(CommonProblem.INVALID_STATE, "invalid-state", action, e.state().name().toLowerCase())
			.with("state", e.state());
	}

}
