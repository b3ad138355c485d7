package org.cairn.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A survey's results by school, with the small-group rule: a group's figures are shown only when at least
 * {@code cairn.plan.min-group-size} teachers answered (5 unless set). Schools with fewer answers are pooled into
 * "Other schools"; when that pool is itself too small, the smallest schools shown join it until it is large enough,
 * so nobody can subtract the shown schools from the district's figures to find a small school's answers. The
 * district's own figures follow the same rule.
 */
@Component
class SurveyResults {

	static final String DISTRICT = "District";

	static final String OTHER_SCHOOLS = "Other schools";

	static final String NOT_RECORDED = "Not recorded";

	private final Surveys surveys;

	private final PersonRepository people;

	private final PlanProperties properties;

	SurveyResults(Surveys surveys, PersonRepository people, PlanProperties properties) {
		this.surveys = surveys;
		this.people = people;
		this.properties = properties;
	}

	/**
	 * The results.
	 *
	 * @param minGroupSize the fewest answers a group needs for its figures to show
	 */
	record Results(String surveyId, String title, String schoolYear, Survey.Status status, int minGroupSize,
			long respondents, List<Group> groups) {
	}

	/**
	 * One group: the district, a school, or the pooled small schools.
	 *
	 * @param schools the schools a pooled group holds (its own name for a school)
	 * @param shown false when fewer than the minimum answered: then {@code questions} is empty
	 */
	record Group(String name, List<String> schools, long teachers, long respondents, boolean shown,
			List<QuestionResult> questions) {
	}

	/**
	 * @param answered how many in the group answered this question
	 * @param average on a scale, to one decimal
	 * @param levels on a scale, how many chose 1, 2, 3, 4, 5
	 * @param choices on a choice question, every option chosen at least once, most chosen first
	 */
	record QuestionResult(String key, String text, Question.Kind kind, long answered, Double average,
			List<Long> levels, List<Choice> choices) {
	}

	record Choice(String code, String label, long count) {
	}

	Mono<Results> of(CairnUser admin, String surveyId) {
		admin.require(Role.DISTRICT_ADMIN);
		return surveys.visible(admin, surveyId).flatMap(this::of);
	}

	Mono<Results> of(Survey survey) {
		return Mono.zip(surveys.answers(survey.id()).collectList(),
				people.findByDistrictId(survey.districtId()).collectMap(Person::id))
			.map(t -> build(survey, t.getT1(), t.getT2()));
	}

	/**
	 * The district's figures only (the first group, with no schools): what the recommendations need, read from the
	 * survey's answers without the district's people, whom only the figures by school need.
	 */
	Mono<Results> districtOf(Survey survey) {
		return surveys.answers(survey.id())
			.collectList()
			.map(answers -> new Results(survey.id(), survey.title(), survey.schoolYear(), survey.status(),
					properties.minGroupSize(), answers.size(), List.of(group(DISTRICT, List.of(), 0, answers, survey,
							labels(survey), properties.minGroupSize()))));
	}

	private Map<String, Targets.Target> labels(Survey survey) {
		Map<String, Targets.Target> labels = new HashMap<>();
		surveys.options(survey).values().forEach(list -> list.forEach(o -> labels.put(o.code(), o)));
		return labels;
	}

	static String school(Person p) {
		return p == null || p.school() == null || p.school().isBlank() ? NOT_RECORDED : p.school().strip();
	}

	private Results build(Survey survey, List<SurveyAnswer> answers, Map<String, Person> people) {
		int min = properties.minGroupSize();
		Map<String, List<SurveyAnswer>> bySchool = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Map<String, Long> teachers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Person p : people.values()) {
			if (p.active() && !p.departed() && p.has(Role.TEACHER)) {
				teachers.merge(school(p), 1L, Long::sum);
			}
		}
		for (SurveyAnswer a : answers) {
			bySchool.computeIfAbsent(school(people.get(a.personId())), k -> new ArrayList<>()).add(a);
		}
		// small schools go to the pool; if the pool is too small, the smallest shown schools join it
		List<String> shown = new ArrayList<>();
		List<String> pooled = new ArrayList<>();
		bySchool.forEach((school, list) -> (list.size() >= min ? shown : pooled).add(school));
		shown.sort(Comparator.comparingInt((String s) -> bySchool.get(s).size()).thenComparing(s -> s));
		while (!pooled.isEmpty() && size(pooled, bySchool) < min && !shown.isEmpty()) {
			pooled.add(shown.remove(0));
		}
		shown.sort(String.CASE_INSENSITIVE_ORDER);
		pooled.sort(String.CASE_INSENSITIVE_ORDER);

		Map<String, Targets.Target> labels = labels(survey);
		List<Group> groups = new ArrayList<>();
		groups.add(group(DISTRICT, List.copyOf(bySchool.keySet()), teachers.values().stream().mapToLong(Long::longValue).sum(),
				answers, survey, labels, min));
		for (String school : shown) {
			groups.add(group(school, List.of(school), teachers.getOrDefault(school, 0L), bySchool.get(school), survey,
					labels, min));
		}
		if (!pooled.isEmpty()) {
			List<SurveyAnswer> pool = pooled.stream().flatMap(s -> bySchool.get(s).stream()).toList();
			groups.add(group(OTHER_SCHOOLS, pooled, pooled.stream().mapToLong(s -> teachers.getOrDefault(s, 0L)).sum(),
					pool, survey, labels, min));
		}
		return new Results(survey.id(), survey.title(), survey.schoolYear(), survey.status(), min, answers.size(),
				groups);
	}

	private static int size(List<String> schools, Map<String, List<SurveyAnswer>> bySchool) {
		return schools.stream().mapToInt(s -> bySchool.get(s).size()).sum();
	}

	private static Group group(String name, List<String> schools, long teachers, List<SurveyAnswer> answers,
			Survey survey, Map<String, Targets.Target> labels, int min) {
		if (answers.size() < min) {
			return new Group(name, schools, teachers, answers.size(), false, List.of());
		}
		List<QuestionResult> results = new ArrayList<>();
		for (Question q : survey.questions()) {
			List<SurveyAnswer.Answer> given = answers.stream()
				.map(a -> a.answers().get(q.key()))
				.filter(a -> a != null && (a.level() != null || !a.choices().isEmpty()))
				.toList();
			if (q.kind() == Question.Kind.SCALE) {
				List<Long> levels = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
				given.forEach(a -> levels.set(a.level() - 1, levels.get(a.level() - 1) + 1));
				Double average = given.isEmpty() ? null
						: Math.round(given.stream().mapToInt(SurveyAnswer.Answer::level).average().orElse(0) * 10) / 10.0;
				results.add(new QuestionResult(q.key(), q.text(), q.kind(), given.size(), average, levels, List.of()));
			}
			else {
				Map<String, Long> counts = new LinkedHashMap<>();
				given.forEach(a -> a.choices().forEach(c -> counts.merge(c, 1L, Long::sum)));
				List<Choice> choices = counts.entrySet()
					.stream()
					.map(e -> new Choice(e.getKey(),
							labels.containsKey(e.getKey()) ? labels.get(e.getKey()).label() : e.getKey(), e.getValue()))
					.sorted(Comparator.comparingLong(Choice::count).reversed().thenComparing(Choice::code))
					.toList();
				results.add(new QuestionResult(q.key(), q.text(), q.kind(), given.size(), null, List.of(), choices));
			}
		}
		return new Group(name, schools, teachers, answers.size(), true, results);
	}

}
