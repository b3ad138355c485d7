package org.cairn.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
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
 * Writing, opening and closing a district's needs-assessment surveys, and teachers' answers. Every change is safe to
 * repeat: a survey is unique by title in its district, opening an open survey or closing a closed one returns it,
 * and a teacher's answers are one document per survey and teacher.
 */
@Service
public class Surveys {

	private final ReactiveMongoTemplate mongo;

	private final Targets targets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Surveys(ReactiveMongoTemplate mongo, Targets targets, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.targets = targets;
		this.events = events;
		this.clock = clock;
	}

	/** What an administrator writes. */
	public record NewSurvey(@NotBlank @Size(max = 120) String title,
			@NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "a school year such as 2026-27") String schoolYear,
			@Size(max = 1000) String intro, @NotEmpty @Size(max = 20) List<@Valid @NotNull Question> questions) {
	}

	/** A survey with what each choice question offers. */
	public record SurveyView(Survey survey, Map<String, List<Targets.Target>> options, long answers) {
	}

	public record Created(SurveyView view, boolean created) {
	}

	public Mono<Created> create(CairnUser admin, NewSurvey body) {
		admin.require(Role.DISTRICT_ADMIN);
		check(body);
		String title = body.title().trim();
		Survey fresh = new Survey(null, admin.districtId(), title, body.schoolYear(), blankToNull(body.intro()),
				body.questions(), Survey.Status.DRAFT, admin.personId(), clock.instant(), null, null);
		return mongo.insert(fresh)
			.map(saved -> true)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false))
			.flatMap(created -> byTitle(admin.districtId(), title).flatMap(survey -> {
				if (!created && !(survey.schoolYear().equals(fresh.schoolYear())
						&& survey.questions().equals(fresh.questions()))) {
					return Mono.error(ProblemException.invalid("title", "another survey of your district has this title"));
				}
				return view(survey).map(v -> new Created(v, created));
			}));
	}

	/** Changes a draft's questions; an open or closed survey keeps them (its answers name them). */
	Mono<SurveyView> update(CairnUser admin, String id, NewSurvey body) {
		admin.require(Role.DISTRICT_ADMIN);
		check(body);
		return visible(admin, id).flatMap(survey -> survey.status() != Survey.Status.DRAFT
				? Mono.error(ProblemException.of(PlanProblem.SURVEY_FROZEN, "survey-frozen", survey.title()))
				: mongo
					.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").is(Survey.Status.DRAFT)),
							new Update().set("title", body.title().trim())
								.set("schoolYear", body.schoolYear())
								.set("intro", blankToNull(body.intro()))
								.set("questions", body.questions()),
							FindAndModifyOptions.options().returnNew(true), Survey.class)
					.onErrorMap(DuplicateKeyException.class,
							ex -> ProblemException.invalid("title", "another survey of your district has this title"))
					.switchIfEmpty(Mono.error(() -> ProblemException.of(PlanProblem.SURVEY_FROZEN, "survey-frozen",
							survey.title())))
					.flatMap(this::view));
	}

	private void check(NewSurvey body) {
		List<FieldProblem> problems = new ArrayList<>();
		int first = Integer.parseInt(body.schoolYear().substring(0, 4));
		int second = Integer.parseInt(body.schoolYear().substring(5));
		if ((first + 1) % 100 != second) {
			problems.add(new FieldProblem("schoolYear", "a school year such as 2026-27 (the second year follows the first)"));
		}
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < body.questions().size(); i++) {
			if (!keys.add(body.questions().get(i).key())) {
				problems.add(new FieldProblem("questions[" + i + "].key", "another question has this key"));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
	}

	/** Opens a draft (or reopens a closed survey); an open one is returned as it is. */
	public Mono<SurveyView> open(CairnUser admin, String id) {
		return move(admin, id, List.of(Survey.Status.DRAFT, Survey.Status.CLOSED), Survey.Status.OPEN,
				new Update().set("status", Survey.Status.OPEN).set("openedAt", clock.instant()).unset("closedAt"));
	}

	/** Closes an open survey; a closed one is returned as it is. */
	Mono<SurveyView> close(CairnUser admin, String id) {
		return move(admin, id, List.of(Survey.Status.OPEN), Survey.Status.CLOSED,
				new Update().set("status", Survey.Status.CLOSED).set("closedAt", clock.instant()));
	}

	private Mono<SurveyView> move(CairnUser admin, String id, List<Survey.Status> from, Survey.Status to,
			Update update) {
		admin.require(Role.DISTRICT_ADMIN);
		return visible(admin, id).flatMap(survey -> survey.status() == to ? Mono.just(survey)
				: mongo
					.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").in(from)), update,
							FindAndModifyOptions.options().returnNew(true), Survey.class)
					// another request moved it first: answer with what it is now
					.switchIfEmpty(Mono.defer(() -> mongo.findById(id, Survey.class)))
					.doOnNext(moved -> events.publishEvent(new PlansChanged(moved.districtId()))))
			.flatMap(this::view);
	}

	Flux<Survey> list(CairnUser admin) {
		admin.require(Role.DISTRICT_ADMIN);
		return mongo.find(Query.query(Criteria.where("districtId").is(admin.districtId()))
			.with(Sort.by(Sort.Direction.DESC, "schoolYear").and(Sort.by(Sort.Direction.DESC, "createdAt"))),
				Survey.class);
	}

	Mono<SurveyView> get(CairnUser admin, String id) {
		admin.require(Role.DISTRICT_ADMIN);
		return visible(admin, id).flatMap(this::view);
	}

	/** A survey of the caller's district; another district's is not found. */
	Mono<Survey> visible(CairnUser user, String id) {
		return mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("districtId").is(user.districtId())), Survey.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Survey " + id)));
	}

	private Mono<Survey> byTitle(String districtId, String title) {
		return mongo.findOne(Query.query(Criteria.where("districtId").is(districtId).and("title").is(title)),
				Survey.class);
	}

	private Mono<SurveyView> view(Survey survey) {
		return mongo.count(Query.query(Criteria.where("surveyId").is(survey.id())), SurveyAnswer.class)
			.map(count -> new SurveyView(survey, options(survey), count));
	}

	Map<String, List<Targets.Target>> options(Survey survey) {
		Map<String, List<Targets.Target>> options = new LinkedHashMap<>();
		for (Question q : survey.questions()) {
			if (q.kind().choice()) {
				options.put(q.key(), targets.options(q.kind()));
			}
		}
		return options;
	}

	// --- teachers ---------------------------------------------------------------------------------------------------

	/** A survey as a teacher sees it: the questions, their options and the teacher's own answers so far. */
	public record MySurvey(Survey survey, Map<String, List<Targets.Target>> options, Map<String, SurveyAnswer.Answer> answers,
			java.time.Instant changedAt) {
	}

	/** The district's open surveys, and closed ones the teacher answered, newest first. */
	Flux<MySurvey> mine(CairnUser teacher) {
		teacher.require(Role.TEACHER);
		return mongo
			.find(Query.query(Criteria.where("districtId").is(teacher.districtId()).and("status")
				.in(Survey.Status.OPEN, Survey.Status.CLOSED)).with(Sort.by(Sort.Direction.DESC, "openedAt")),
					Survey.class)
			.concatMap(survey -> mongo.findById(SurveyAnswer.idOf(survey.id(), teacher.personId()), SurveyAnswer.class)
				.map(a -> new MySurvey(survey, options(survey), a.answers(), a.changedAt()))
				.switchIfEmpty(Mono.defer(() -> survey.status() == Survey.Status.OPEN
						? Mono.just(new MySurvey(survey, options(survey), Map.of(), null)) : Mono.empty())));
	}

	/**
	 * Stores the teacher's answers, replacing earlier ones while the survey is open. Each answer is checked against
	 * its question: a level from 1 to 5, or up to the question's number of choices among what it offers.
	 */
	public Mono<MySurvey> answer(CairnUser teacher, String surveyId, Map<String, SurveyAnswer.Answer> answers) {
		teacher.require(Role.TEACHER);
		return visible(teacher, surveyId).flatMap(survey -> {
			if (survey.status() != Survey.Status.OPEN) {
				return Mono.error(ProblemException.of(PlanProblem.SURVEY_NOT_OPEN, "survey-not-open", survey.title()));
			}
			Map<String, SurveyAnswer.Answer> clean = checked(survey, answers == null ? Map.of() : answers);
			String id = SurveyAnswer.idOf(surveyId, teacher.personId());
			java.time.Instant now = clock.instant();
			return mongo
				.upsert(Query.query(Criteria.where("_id").is(id)),
						new Update().set("surveyId", surveyId)
							.set("districtId", survey.districtId())
							.set("personId", teacher.personId())
							.set("answers", clean)
							.set("changedAt", now)
							.setOnInsert("answeredAt", now),
						SurveyAnswer.class)
				.onErrorResume(DuplicateKeyException.class, ex -> mongo.updateFirst(
						Query.query(Criteria.where("_id").is(id)),
						new Update().set("answers", clean).set("changedAt", now), SurveyAnswer.class))
				.doOnSuccess(done -> events.publishEvent(new PlansChanged(survey.districtId())))
				.thenReturn(new MySurvey(survey, options(survey), clean, now));
		});
	}

	private Map<String, SurveyAnswer.Answer> checked(Survey survey, Map<String, SurveyAnswer.Answer> answers) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, SurveyAnswer.Answer> clean = new LinkedHashMap<>();
		for (var entry : answers.entrySet()) {
			String field = "answers." + entry.getKey();
			Question q = survey.question(entry.getKey()).orElse(null);
			SurveyAnswer.Answer a = entry.getValue();
			if (q == null) {
				problems.add(new FieldProblem(field, "this survey has no such question"));
				continue;
			}
			if (a == null || (a.level() == null && a.choices().isEmpty())) {
				continue; // skipped
			}
			if (q.kind() == Question.Kind.SCALE) {
				if (a.level() == null || a.level() < 1 || a.level() > 5) {
					problems.add(new FieldProblem(field, "choose a number from 1 to 5"));
				}
				else {
					clean.put(q.key(), new SurveyAnswer.Answer(a.level(), List.of()));
				}
				continue;
			}
			List<String> offered = targets.options(q.kind()).stream().map(Targets.Target::code).toList();
			List<String> chosen = new ArrayList<>();
			for (String code : a.choices()) {
				offered.stream().filter(o -> o.equalsIgnoreCase(code)).findFirst().ifPresentOrElse(o -> {
					if (!chosen.contains(o)) {
						chosen.add(o);
					}
				}, () -> problems.add(new FieldProblem(field, "\"" + code + "\" is not one of the choices")));
			}
			if (chosen.size() > q.maxChoices()) {
				problems.add(new FieldProblem(field, "choose at most " + q.maxChoices()));
			}
			clean.put(q.key(), new SurveyAnswer.Answer(null, chosen));
		}
		if (clean.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("answers", "answer at least one question"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return clean;
	}

	/** Every answer to the survey (for its results). */
	Flux<SurveyAnswer> answers(String surveyId) {
		return mongo.find(Query.query(Criteria.where("surveyId").is(surveyId)), SurveyAnswer.class);
	}

	/** The district's latest survey that has been opened (open or closed), if any: what recommendations follow. */
	Mono<Survey> latestOpened(String districtId) {
		return mongo.findOne(Query.query(Criteria.where("districtId").is(districtId).and("status")
			.in(Survey.Status.OPEN, Survey.Status.CLOSED)).with(Sort.by(Sort.Direction.DESC, "openedAt")), Survey.class);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
