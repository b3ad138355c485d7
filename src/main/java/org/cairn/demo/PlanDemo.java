package org.cairn.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.plan.LearningPlan;
import org.cairn.plan.Plans;
import org.cairn.plan.Question;
import org.cairn.plan.SurveyAnswer;
import org.cairn.plan.Supervisors;
import org.cairn.plan.Surveys;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A needs-assessment survey with answers, supervisors and learning plans: Dana opens "Needs assessment <year>"
 * (confidence with data on a scale, two Danielson clusters, one Learning Forward standard); ten colleagues who
 * cannot sign in (six at Lincoln Middle, four at Central High) answer with Jordan and Riley, so the results show
 * Lincoln Middle on its own and pool Central High with Maple Elementary under the small-group rule. Sam
 * Coach-Assessor approves Central High's plans, Dana every other school's. Jordan's plan is approved, Riley's waits
 * for Dana, two colleagues keep drafts. Taylor (teacher1) is left without answers or a plan for the browser
 * journeys. Every step is idempotent (the survey by title, answers and plans by person), so a restart adds nothing.
 */
@Component
@Order(27)
class PlanDemo implements DemoStep {

	static final String SURVEY = "Needs assessment";

	/** Not a password hash, so nothing signs in as these colleagues: they only answer the survey. */
	private static final String NO_PASSWORD = "!";

	private static final String LINCOLN = "Lincoln Middle School";

	private static final String CENTRAL = "Central High School";

	private record Colleague(String login, String name, String school, List<String> clusters, String standard,
			int confidence) {
	}

	private static final List<Colleague> COLLEAGUES = List.of(
			new Colleague("lincoln1", "Morgan Lee", LINCOLN, List.of("FFT.C2", "FFT.C4"), "LF2011.DATA", 2),
			new Colleague("lincoln2", "Casey Park", LINCOLN, List.of("FFT.C2", "FFT.C5"), "LF2011.DATA", 3),
			new Colleague("lincoln3", "Jamie Ortiz", LINCOLN, List.of("FFT.C4"), "LF2011.LC", 3),
			new Colleague("lincoln4", "Alex Chen", LINCOLN, List.of("FFT.C2", "FFT.C3"), "LF2011.DATA", 2),
			new Colleague("lincoln5", "Quinn Rivera", LINCOLN, List.of("FFT.C5"), "LF2011.OUTCOMES", 4),
			new Colleague("lincoln6", "Drew Patel", LINCOLN, List.of("FFT.C2", "FFT.C4"), "LF2011.DATA", 3),
			new Colleague("central1", "Robin Diaz", CENTRAL, List.of("FFT.C4", "FFT.C5"), "LF2011.LC", 4),
			new Colleague("central2", "Sky Nguyen", CENTRAL, List.of("FFT.C2"), "LF2011.DATA", 3),
			new Colleague("central3", "Jesse Brooks", CENTRAL, List.of("FFT.C5", "FFT.C6"), "LF2011.LD", 5),
			new Colleague("central4", "Kai Morgan", CENTRAL, List.of("FFT.C2", "FFT.C4"), "LF2011.DATA", 2));

	private final Surveys surveys;

	private final Plans plans;

	private final Supervisors supervisors;

	private final PersonChanges personChanges;

	private final PersonRepository people;

	private final TemplateLookup templates;

	PlanDemo(Surveys surveys, Plans plans, Supervisors supervisors, PersonChanges personChanges,
			PersonRepository people, TemplateLookup templates) {
		this.surveys = surveys;
		this.plans = plans;
		this.supervisors = supervisors;
		this.personChanges = personChanges;
		this.people = people;
		this.templates = templates;
	}

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		if (event.teacherIds().size() < 3 || event.assessorIds().size() < 2) {
			return Mono.empty();
		}
		String year = plans.schoolYear();
		return Mono.zip(user(event.adminId()), people.findById(event.teacherIds().get(1)),
				people.findById(event.teacherIds().get(2)), user(event.assessorIds().get(1)))
			.flatMap(t -> {
				CairnUser admin = t.getT1();
				List<Question> questions = List.of(
						new Question("confidence", "How confident are you using student data to plan lessons?",
								Question.Kind.SCALE, "Not yet", "Very confident", 1),
						new Question("clusters", "Which two Danielson clusters do you most want to grow in this year?",
								Question.Kind.CLUSTERS, null, null, 2),
						new Question("standards", "Which standard for professional learning should the district invest in?",
								Question.Kind.STANDARDS, null, null, 1));
				return surveys
					.create(admin, new Surveys.NewSurvey(SURVEY + " " + year, year,
							"Five minutes: where do you want to grow? Your school's answers are shown only when at "
									+ "least five colleagues answered.", questions))
					// only the first start opens and answers it: later ones leave what people did since
					.filter(Surveys.Created::created)
					.flatMap(created -> surveys.open(admin, created.view().survey().id()))
					.flatMap(view -> colleagues(event.districtId())
						.concatMap(c -> answer(c.getT1(), view.survey().id(), c.getT2().clusters(),
								c.getT2().standard(), c.getT2().confidence()))
						.then(answer(t.getT2(), view.survey().id(), List.of("FFT.C2", "FFT.C4"), "LF2011.DATA", 3))
						.then(answer(t.getT3(), view.survey().id(), List.of("FFT.C5"), "LF2011.LC", 4)))
					.then(supervisors.set(admin, CENTRAL, event.assessorIds().get(1)))
					.then(supervisors.set(admin, null, event.adminId()))
					.then(templates.publishedFromLibrary(event.districtId(), "derry-data")
						.zipWith(templates.publishedFromLibrary(event.districtId(), "derry-learning-communities"))
						.flatMap(tpl -> plansFor(admin, t.getT4(), t.getT2(), t.getT3(), tpl.getT1().familyId(),
								tpl.getT2().familyId(), year)));
			});
	}

	private Flux<reactor.util.function.Tuple2<Person, Colleague>> colleagues(String districtId) {
		return Flux.fromIterable(COLLEAGUES)
			.concatMap(c -> personChanges
				.createOnce(new PersonChanges.NewAccount(districtId, c.login() + "@" + DemoSeeder.DOMAIN, c.name(),
						Set.of(Role.TEACHER), false, c.school(), 6, null), Mono.just(NO_PASSWORD))
				// an address taken in another district (a test store holding several) is not this district's colleague
				.filter(a -> districtId.equals(a.person().districtId()))
				.map(a -> reactor.util.function.Tuples.of(a.person(), c)));
	}

	private Mono<Void> answer(Person teacher, String surveyId, List<String> clusters, String standard, int level) {
		return surveys.answer(as(teacher), surveyId,
				Map.of("confidence", new SurveyAnswer.Answer(level, List.of()), "clusters",
						new SurveyAnswer.Answer(null, clusters), "standards",
						new SurveyAnswer.Answer(null, List.of(standard))))
			.then();
	}

	/** Jordan's plan approved by Sam; Riley's waiting for Dana; both only once (a restart finds them decided). */
	private Mono<Void> plansFor(CairnUser admin, CairnUser sam, Person jordan, Person riley, String derry,
			String communities, String year) {
		int first = Integer.parseInt(year.substring(0, 4));
		String next = (first + 1) + "-" + String.format("%02d", (first + 2) % 100);
		Plans.PlanBody jordans = new Plans.PlanBody(year, 3, List.of(
				new LearningPlan.Goal("Use common formative assessment data to regroup students every unit",
						List.of("FFT.3d", "LF2011.DATA"), List.of(derry), year),
				new LearningPlan.Goal("Build a classroom where every student takes intellectual risks",
						List.of("FFT.C2"), List.of(communities), next)));
		Plans.PlanBody rileys = new Plans.PlanBody(year, 2, List.of(
				new LearningPlan.Goal("Ask questions that make every student think", List.of("FFT.3b", "FFT.C4"),
						List.of(), year)));
		CairnUser asJordan = as(jordan);
		return plans.save(asJordan, jordans)
			.filter(v -> v.plan().state() == LearningPlan.State.DRAFT)
			.flatMap(v -> plans.submit(asJordan))
			.flatMap(v -> plans.decide(sam, v.plan().id(), new Plans.DecisionBody(Plans.Decision.APPROVE,
					v.plan().revision(), "A clear plan: the data microcredential fits your first goal.")))
			.onErrorResume(org.cairn.problem.ProblemException.class, already -> Mono.empty())
			.then(plans.save(as(riley), rileys)
				.filter(v -> v.plan().state() == LearningPlan.State.DRAFT)
				.flatMap(v -> plans.submit(as(riley)))
				.onErrorResume(org.cairn.problem.ProblemException.class, already -> Mono.empty()))
			.then();
	}

	private Mono<CairnUser> user(String personId) {
		return people.findById(personId).map(PlanDemo::as);
	}

	private static CairnUser as(Person p) {
		return new CairnUser(p.id(), p.districtId(), p.email(), p.displayName(), p.roles(), p.platformAdmin(), false);
	}

}
