package org.cairn.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.template.Alignment;
import org.cairn.template.Template;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Microcredentials recommended to a teacher, each with why: it was chosen for a goal of their plan, it serves a goal
 * ("matches your goal: 3b Using Questioning and Discussion Techniques"), or it serves one of the needs the district's
 * latest survey found most often (district-wide figures only, under the same small-group rule as the results). Only
 * the district's published microcredentials, latest version of each.
 */
@Service
class Recommendations {

	/** How many of the survey's most-chosen needs count as the district's needs. */
	static final int TOP_NEEDS = 3;

	private final Plans plans;

	private final Surveys surveys;

	private final SurveyResults results;

	private final Targets targets;

	Recommendations(Plans plans, Surveys surveys, SurveyResults results, Targets targets) {
		this.plans = plans;
		this.surveys = surveys;
		this.results = results;
		this.targets = targets;
	}

	/**
	 * Why a microcredential is recommended.
	 *
	 * @param kind CHOSEN (picked for a goal of the plan), GOAL (aligned to a goal's target), NEED (aligned to a
	 * district need from the survey)
	 * @param targetCode the cluster, component or standard it serves; null for CHOSEN
	 * @param targetLabel how people name it ("3b Using Questioning and Discussion Techniques")
	 * @param goal the goal's statement (CHOSEN, GOAL)
	 * @param targetYear the goal's school year (CHOSEN, GOAL)
	 * @param count how many teachers chose the need in the survey (NEED)
	 * @param survey the survey's title (NEED)
	 */
	record Reason(Kind kind, String targetCode, String targetLabel, String goal, String targetYear, Long count,
			String survey) {

		enum Kind {
			CHOSEN, GOAL, NEED
		}

	}

	record Recommendation(String templateId, String familyId, String title, String summary,
			List<Reason> reasons) {
	}

	Mono<List<Recommendation>> forTeacher(CairnUser teacher) {
		teacher.require(Role.TEACHER);
		Mono<Optional<LearningPlan>> plan = plans.of(teacher.districtId(), teacher.personId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		Mono<List<Need>> needs = surveys.latestOpened(teacher.districtId())
			.flatMap(results::districtOf) // district-wide figures only: the answers, not the district's people
			.map(r -> needs(r, TOP_NEEDS))
			.defaultIfEmpty(List.of());
		return Mono.zip(plans.families(teacher.districtId()), plan, needs)
			.map(t -> recommend(new ArrayList<>(t.getT1().values()), t.getT2().map(LearningPlan::goals).orElse(List.of()),
					t.getT3()));
	}

	/** A need the district's survey found: one of its most-chosen answers, district-wide. */
	record Need(String code, String label, long count, String survey) {
	}

	/** The district's most-chosen clusters, components and standards (when its figures may be shown). */
	static List<Need> needs(SurveyResults.Results r, int limit) {
		SurveyResults.Group district = r.groups().get(0);
		if (!district.shown()) {
			return List.of();
		}
		Map<String, Need> merged = new LinkedHashMap<>();
		district.questions().stream().flatMap(q -> q.choices().stream()).forEach(c -> merged.merge(c.code(),
				new Need(c.code(), c.label(), c.count(), r.title()),
				(a, b) -> new Need(a.code(), a.label(), a.count() + b.count(), a.survey())));
		return merged.values().stream()
			.sorted(Comparator.comparingLong(Need::count).reversed().thenComparing(Need::code))
			.limit(limit)
			.toList();
	}

	private List<Recommendation> recommend(List<Template> published, List<LearningPlan.Goal> goals, List<Need> needs) {
		published.sort(Comparator.comparing(Template::title, String.CASE_INSENSITIVE_ORDER));
		List<Recommendation> out = new ArrayList<>();
		for (Template template : published) {
			List<Reason> reasons = new ArrayList<>();
			for (LearningPlan.Goal goal : goals) {
				if (goal.families().contains(template.familyId())) {
					reasons.add(new Reason(Reason.Kind.CHOSEN, null, null, goal.statement(), goal.targetYear(), null,
							null));
				}
			}
			for (LearningPlan.Goal goal : goals) {
				for (String code : goal.targets()) {
					Optional<Alignment> serving = targets.serving(code, template);
					if (serving.isPresent() && reasons.stream().noneMatch(r -> code.equals(r.targetCode()))) {
						reasons.add(new Reason(Reason.Kind.GOAL, code, label(code), goal.statement(), goal.targetYear(),
								null, null));
					}
				}
			}
			for (Need need : needs) {
				if (targets.serving(need.code(), template).isPresent()) {
					reasons.add(new Reason(Reason.Kind.NEED, need.code(), need.label(), null, null, need.count(),
							need.survey()));
				}
			}
			if (!reasons.isEmpty()) {
				out.add(new Recommendation(template.id(), template.familyId(), template.title(), template.summary(),
						reasons));
			}
		}
		// chosen first, then the most reasons tied to the plan, then the district's needs
		out.sort(Comparator.comparingInt((Recommendation r) -> rank(r.reasons())).reversed());
		return out;
	}

	private static int rank(List<Reason> reasons) {
		return reasons.stream().mapToInt(r -> switch (r.kind()) {
			case CHOSEN -> 100;
			case GOAL -> 10;
			case NEED -> 1;
		}).sum();
	}

	private String label(String code) {
		return targets.find(code).map(Targets.Target::label).orElse(code);
	}

}
