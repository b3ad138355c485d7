package org.cairn.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.language.Message;
import org.cairn.notification.AppLinks;
import org.cairn.notification.NoticeKind;
import org.cairn.notification.Notifier;
import org.cairn.paging.ListPage;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Teachers' learning plans: writing, submitting to the supervisor, the supervisor's approval or return, and the
 * history of each. Every change is one conditional update on the plan's state (and revision), so a double click,
 * a retried request or two supervisors at once make one change, and a retry answers with the plan as it now is.
 */
@Service
public class Plans {

	private final ReactiveMongoTemplate mongo;

	private final PersonRepository people;

	private final Supervisors supervisors;

	private final Targets targets;

	private final TemplateLookup templates;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Plans(ReactiveMongoTemplate mongo, PersonRepository people, Supervisors supervisors, Targets targets,
			TemplateLookup templates, Notifier notifier, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.supervisors = supervisors;
		this.targets = targets;
		this.templates = templates;
		this.notifier = notifier;
		this.events = events;
		this.clock = clock;
	}

	/** What a teacher saves. */
	public record PlanBody(@NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "a school year such as 2026-27") String firstYear,
			@Min(1) @Max(5) int years, @NotNull @Size(max = 10) List<LearningPlan.@Valid @NotNull Goal> goals) {
	}

	/** A microcredential chosen for a goal. */
	public record Chosen(String familyId, String templateId, String title) {
	}

	/** A goal with its targets named and its microcredentials titled. */
	public record GoalView(LearningPlan.Goal goal, List<Targets.Target> targets, List<Chosen> microcredentials) {
	}

	/**
	 * A plan as its teacher, their supervisor and administrators see it.
	 *
	 * @param supervisorName who it goes to (or went to, once submitted); null when nobody is named
	 * @param canDecide whether the reader may approve or return it now
	 */
	public record PlanView(LearningPlan plan, String teacherName, String school, String supervisorId, String supervisorName,
			List<GoalView> goals, List<PlanHistory> history, boolean canDecide) {
	}

	// --- the teacher ------------------------------------------------------------------------------------------------

	/** The teacher's plan; a new teacher gets an empty draft for this school year (not stored until saved). */
	Mono<PlanView> mine(CairnUser teacher) {
		teacher.require(Role.TEACHER);
		return mongo.findById(teacher.personId(), LearningPlan.class)
			.filter(p -> teacher.districtId().equals(p.districtId()))
			.defaultIfEmpty(empty(teacher))
			.flatMap(plan -> view(plan, teacher));
	}

	private LearningPlan empty(CairnUser teacher) {
		return new LearningPlan(teacher.personId(), teacher.districtId(), teacher.personId(), schoolYear(), 3,
				List.of(), LearningPlan.State.DRAFT, 0, null, null, null, null, null, null);
	}

	/** This school year, as districts name it ({@code 2026-27}; a year starts in July). */
	public String schoolYear() {
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		int first = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
		return first + "-" + String.format("%02d", (first + 1) % 100);
	}

	/**
	 * Saves the plan's goals. A draft or returned plan changes in place; an approved one becomes a draft again (the
	 * approved goals stay in the history); one with the supervisor is refused until they decide. Saving the same
	 * goals again changes nothing.
	 */
	public Mono<PlanView> save(CairnUser teacher, PlanBody body) {
		teacher.require(Role.TEACHER);
		return checked(teacher.districtId(), body).then(Mono.defer(() -> mongo
			.findById(teacher.personId(), LearningPlan.class)
			.flatMap(plan -> {
				if (plan.state() == LearningPlan.State.SUBMITTED) {
					return Mono.error(ProblemException.of(PlanProblem.PLAN_UNDER_REVIEW, "plan-under-review"));
				}
				if (plan.firstYear().equals(body.firstYear()) && plan.years() == body.years()
						&& plan.goals().equals(body.goals())) {
					return Mono.just(plan);
				}
				return mongo
					.findAndModify(
							Query.query(Criteria.where("_id").is(plan.id()).and("revision").is(plan.revision())
								.and("state").ne(LearningPlan.State.SUBMITTED)),
							new Update().set("firstYear", body.firstYear())
								.set("years", body.years())
								.set("goals", body.goals())
								.set("state", plan.state() == LearningPlan.State.RETURNED ? LearningPlan.State.RETURNED
										: LearningPlan.State.DRAFT)
								.inc("revision", 1)
								.set("changedAt", clock.instant()),
							FindAndModifyOptions.options().returnNew(true), LearningPlan.class)
					.switchIfEmpty(Mono.error(() -> ProblemException.of(PlanProblem.PLAN_UNDER_REVIEW,
							"plan-changed")));
			})
			.switchIfEmpty(Mono.defer(() -> mongo
				.insert(new LearningPlan(teacher.personId(), teacher.districtId(), teacher.personId(), body.firstYear(),
						body.years(), body.goals(), LearningPlan.State.DRAFT, 1, null, null, null, null, null,
						clock.instant()))
				// two first saves at once: the other one is the plan
				.onErrorResume(DuplicateKeyException.class,
						ex -> mongo.findById(teacher.personId(), LearningPlan.class))))
			.doOnNext(saved -> events.publishEvent(new PlansChanged(saved.districtId())))
			.flatMap(plan -> view(plan, teacher))));
	}

	private Mono<Void> checked(String districtId, PlanBody body) {
		List<FieldProblem> problems = new ArrayList<>();
		int first = Integer.parseInt(body.firstYear().substring(0, 4));
		if ((first + 1) % 100 != Integer.parseInt(body.firstYear().substring(5))) {
			problems.add(new FieldProblem("firstYear", "a school year such as 2026-27"));
		}
		return families(districtId).map(published -> {
			for (int i = 0; i < body.goals().size(); i++) {
				LearningPlan.Goal goal = body.goals().get(i);
				for (int j = 0; j < goal.targets().size(); j++) {
					if (targets.find(goal.targets().get(j)).isEmpty()) {
						problems.add(new FieldProblem("goals[" + i + "].targets[" + j + "]",
								"not a Danielson cluster or component or a Learning Forward standard"));
					}
				}
				for (int j = 0; j < goal.families().size(); j++) {
					if (!published.containsKey(goal.families().get(j))) {
						problems.add(new FieldProblem("goals[" + i + "].families[" + j + "]",
								"not a published microcredential of your district"));
					}
				}
				int year = Integer.parseInt(goal.targetYear().substring(0, 4));
				if (year < first || year >= first + body.years()
						|| (year + 1) % 100 != Integer.parseInt(goal.targetYear().substring(5))) {
					problems.add(new FieldProblem("goals[" + i + "].targetYear",
							"a school year within the plan (" + body.firstYear() + " and the "
									+ (body.years() - 1) + " after it)"));
				}
			}
			return problems;
		}).flatMap(found -> found.isEmpty() ? Mono.empty() : Mono.error(ProblemException.invalid(found)));
	}

	/** The district's published microcredentials, latest version of each family. */
	public Mono<Map<String, Template>> families(String districtId) {
		return templates.published(districtId)
			.collect(Collectors.toMap(Template::familyId, Function.identity(),
					(a, b) -> a.version() >= b.version() ? a : b));
	}

	/**
	 * Sends the plan to the teacher's supervisor. Sending it again while it waits, or once approved, returns it as
	 * it is.
	 */
	public Mono<PlanView> submit(CairnUser teacher) {
		teacher.require(Role.TEACHER);
		return mongo.findById(teacher.personId(), LearningPlan.class)
			.filter(p -> p.districtId().equals(teacher.districtId()) && !p.goals().isEmpty())
			.switchIfEmpty(Mono.error(() -> ProblemException.invalid("goals",
					"Add at least one goal and save your plan before you submit it.")))
			.flatMap(plan -> plan.state() == LearningPlan.State.SUBMITTED
					|| plan.state() == LearningPlan.State.APPROVED ? Mono.just(plan)
							: people.findById(teacher.personId())
								.flatMap(me -> supervisors.of(me)
									.switchIfEmpty(Mono.error(() -> ProblemException.of(PlanProblem.NO_SUPERVISOR,
											"no-supervisor",
											me.school() == null || me.school().isBlank() ? "-" : me.school()))))
								.flatMap(supervisor -> mongo
									.findAndModify(
											Query.query(Criteria.where("_id").is(plan.id())
												.and("revision").is(plan.revision())
												.and("state").in(LearningPlan.State.DRAFT, LearningPlan.State.RETURNED)),
											new Update().set("state", LearningPlan.State.SUBMITTED)
												.set("supervisorId", supervisor.id())
												.set("submittedAt", clock.instant()),
											FindAndModifyOptions.options().returnNew(true), LearningPlan.class)
									.flatMap(submitted -> record(submitted, PlanHistory.Event.SUBMITTED,
											teacher.personId(), teacher.displayName(), null)
										.then(notifier.notify(submitted.districtId(), supervisor.id(),
												NoticeKind.PLAN_SUBMITTED,
												Message.of("plan.notice.submitted.title", name(teacher)),
												Message.of("plan.notice.submitted.text", name(teacher),
														submitted.goals().size()),
												AppLinks.plan(submitted.id())))
										.thenReturn(submitted))
									// a retry or a change in between: answer with the plan as it is now
									.switchIfEmpty(Mono.defer(() -> mongo.findById(plan.id(), LearningPlan.class)))))
			.flatMap(plan -> view(plan, teacher));
	}

	private static String name(CairnUser user) {
		return user.displayName() == null || user.displayName().isBlank() ? user.email() : user.displayName();
	}

	private Mono<PlanHistory> record(LearningPlan plan, PlanHistory.Event event, String byId, String byName,
			String comment) {
		String id = plan.id() + ":" + plan.revision() + ":" + event;
		return mongo
			.insert(new PlanHistory(id, plan.id(), plan.districtId(), plan.revision(), event, byId, byName,
					clock.instant(), comment, plan.firstYear(), plan.years(), plan.goals()))
			.onErrorResume(DuplicateKeyException.class, ex -> mongo.findById(id, PlanHistory.class));
	}

	/** What a goal may name: every cluster, component and standard, and the district's published microcredentials. */
	public record Options(Map<Question.Kind, List<Targets.Target>> targets, List<Chosen> microcredentials, String schoolYear) {
	}

	Mono<Options> options(CairnUser user) {
		Map<Question.Kind, List<Targets.Target>> all = new java.util.LinkedHashMap<>();
		for (Question.Kind kind : List.of(Question.Kind.CLUSTERS, Question.Kind.COMPONENTS, Question.Kind.STANDARDS)) {
			all.put(kind, targets.options(kind));
		}
		return families(user.districtId()).map(f -> new Options(all, f.values().stream()
			.map(t -> new Chosen(t.familyId(), t.id(), t.title()))
			.sorted(java.util.Comparator.comparing(Chosen::title, String.CASE_INSENSITIVE_ORDER))
			.toList(), schoolYear()));
	}

	// --- supervisors ------------------------------------------------------------------------------------------------

	/** One plan in a supervisor's list. */
	public record PlanSummary(String id, String teacherName, String school, LearningPlan.State state, int goals,
			String firstYear, int years, Instant submittedAt, Instant decidedAt) {
	}

	/**
	 * A page of the plans the caller decides: those submitted to them, or for an administrator every plan of the
	 * district, last sent first; {@code state} narrows them (SUBMITTED: waiting), {@code decided} to the approved
	 * and returned. The page's teachers are read in one query, and the district's page through
	 * {@code district_submitted}, so a page reads about what it shows.
	 */
	Flux<PlanSummary> list(CairnUser user, LearningPlan.State state, boolean decided, ListPage page) {
		user.require(Role.DISTRICT_ADMIN, Role.COACH, Role.ASSESSOR);
		Criteria which = Criteria.where("districtId").is(user.districtId());
		if (!user.has(Role.DISTRICT_ADMIN)) {
			which = which.and("supervisorId").is(user.personId());
		}
		if (state != null) {
			which = which.and("state").is(state);
		}
		else if (decided) {
			which = which.and("state").in(LearningPlan.State.APPROVED, LearningPlan.State.RETURNED);
		}
		else {
			which = which.and("state").ne(LearningPlan.State.DRAFT);
		}
		return mongo
			.find(page.apply(Query.query(which)
				.with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")))), LearningPlan.class)
			.collectList()
			.flatMapMany(plans -> people.findAllById(plans.stream().map(LearningPlan::personId).distinct().toList())
				.collectMap(Person::id)
				.flatMapIterable(teachers -> plans.stream()
					.filter(plan -> teachers.containsKey(plan.personId())) // a removed account's plan: not listed
					.map(plan -> {
						Person p = teachers.get(plan.personId());
						return new PlanSummary(plan.id(), display(p), SurveyResults.school(p), plan.state(),
								plan.goals().size(), plan.firstYear(), plan.years(), plan.submittedAt(),
								plan.decidedAt());
					})
					.toList()));
	}

	private static String display(Person p) {
		return p.displayName() == null || p.displayName().isBlank() ? p.email() : p.displayName();
	}

	/** A plan its teacher, the supervisor it went to, or an administrator may read; anyone else: not found. */
	Mono<PlanView> get(CairnUser user, String id) {
		return visible(user, id).flatMap(plan -> view(plan, user));
	}

	private Mono<LearningPlan> visible(CairnUser user, String id) {
		return mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("districtId").is(user.districtId())),
					LearningPlan.class)
			.filter(p -> p.personId().equals(user.personId()) || user.has(Role.DISTRICT_ADMIN)
					|| user.personId().equals(p.supervisorId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Learning plan " + id)));
	}

	/** Approve or send back. */
	public enum Decision {
		APPROVE, RETURN
	}

	public record DecisionBody(@NotNull Decision decision, @Min(1) int revision, @Size(max = 2000) String comment) {
	}

	/**
	 * The supervisor's (or an administrator's) decision on the revision they read; never on their own plan. A return
	 * needs a comment. The same decision again answers with the plan; a plan no longer waiting, or changed since,
	 * is a conflict in words.
	 */
	public Mono<PlanView> decide(CairnUser user, String id, DecisionBody body) {
		return visible(user, id).flatMap(plan -> {
			if (plan.personId().equals(user.personId())) {
				return Mono.error(ProblemException.forbidden("Nobody approves their own learning plan."));
			}
			if (!user.has(Role.DISTRICT_ADMIN) && !user.personId().equals(plan.supervisorId())) {
				return Mono.error(ProblemException.notFound("Learning plan " + id));
			}
			if (body.decision() == Decision.RETURN && (body.comment() == null || body.comment().isBlank())) {
				return Mono.error(ProblemException.invalid("comment", "say what the teacher should change"));
			}
			LearningPlan.State to = body.decision() == Decision.APPROVE ? LearningPlan.State.APPROVED
					: LearningPlan.State.RETURNED;
			String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
			return mongo
				.findAndModify(
						Query.query(Criteria.where("_id").is(id).and("state").is(LearningPlan.State.SUBMITTED)
							.and("revision").is(body.revision())),
						new Update().set("state", to)
							.set("decidedBy", user.personId())
							.set("decidedAt", clock.instant())
							.set("comment", comment),
						FindAndModifyOptions.options().returnNew(true), LearningPlan.class)
				.flatMap(decided -> record(decided,
						to == LearningPlan.State.APPROVED ? PlanHistory.Event.APPROVED : PlanHistory.Event.RETURNED,
						user.personId(), name(user), comment)
					.then(notifier.notify(decided.districtId(), decided.personId(), NoticeKind.PLAN_DECIDED,
							Message.of(to == LearningPlan.State.APPROVED ? "plan.notice.approved.title"
									: "plan.notice.returned.title", name(user)),
							comment == null ? Message.of("plan.notice.approved.text", name(user))
									: Message.of("plan.notice.decided.text", name(user), comment),
							AppLinks.myPlan()))
					.doOnSuccess(done -> events.publishEvent(new PlansChanged(decided.districtId())))
					.thenReturn(decided))
				.switchIfEmpty(Mono.defer(() -> mongo.findById(id, LearningPlan.class)
					.filter(now -> now.state() == to && now.revision() == body.revision()
							&& user.personId().equals(now.decidedBy()))
					.switchIfEmpty(Mono.error(() -> ProblemException.of(PlanProblem.PLAN_NOT_WAITING,
							"plan-not-waiting")))))
				.flatMap(now -> view(now, user));
		});
	}

	// --- views ------------------------------------------------------------------------------------------------------

	private Mono<PlanView> view(LearningPlan plan, CairnUser reader) {
		Mono<Person> teacher = people.findById(plan.personId());
		return Mono.zip(teacher, families(plan.districtId()),
				mongo.find(Query.query(Criteria.where("planId").is(plan.id())).with(Sort.by("at", "_id")),
						PlanHistory.class).collectList())
			.flatMap(t -> {
				Person who = t.getT1();
				Mono<java.util.Optional<Person>> supervisor = (plan.supervisorId() != null
						&& plan.state() != LearningPlan.State.DRAFT
						? people.findById(plan.supervisorId()) : supervisors.of(who))
					.map(java.util.Optional::of)
					.defaultIfEmpty(java.util.Optional.empty());
				return supervisor.map(s -> {
					List<GoalView> goals = plan.goals().stream().map(g -> new GoalView(g,
							g.targets().stream().map(code -> targets.find(code)
								.orElse(new Targets.Target(code, code, Question.Kind.STANDARDS))).toList(),
							g.families().stream().map(f -> {
								Template tpl = t.getT2().get(f);
								return new Chosen(f, tpl == null ? null : tpl.id(), tpl == null ? f : tpl.title());
							}).toList())).toList();
					boolean canDecide = plan.state() == LearningPlan.State.SUBMITTED
							&& !plan.personId().equals(reader.personId())
							&& (reader.has(Role.DISTRICT_ADMIN) || reader.personId().equals(plan.supervisorId()));
					return new PlanView(plan, display(who), SurveyResults.school(who), s.map(Person::id).orElse(null),
							s.map(Plans::display).orElse(null), goals, t.getT3(), canDecide);
				});
			});
	}

	/** Every stored plan of the district (for recommendations' and the report's counts). */
	Flux<LearningPlan> inDistrict(String districtId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId)), LearningPlan.class);
	}

	Mono<LearningPlan> of(String districtId, String personId) {
		return mongo.findById(personId, LearningPlan.class).filter(p -> p.districtId().equals(districtId));
	}

}
