package org.cairn.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What the district's needs report reads of this feature: the latest survey's most-chosen needs by school (under
 * the small-group rule: a group too small to show has no figures), and who has a plan goal on each need. The
 * published query interface of {@code plan_surveys}, {@code plan_survey_answers} and {@code plan_plans}.
 */
@Component
public class NeedsFigures {

	/** How many of the survey's most-chosen needs the report follows. */
	static final int TOP = 5;

	private final Surveys surveys;

	private final SurveyResults results;

	private final Plans plans;

	NeedsFigures(Surveys surveys, SurveyResults results, Plans plans) {
		this.surveys = surveys;
		this.results = results;
		this.plans = plans;
	}

	/**
	 * The district's needs.
	 *
	 * @param top the most-chosen clusters, components and standards, district-wide (empty when the district's own
	 * figures are too few to show)
	 * @param groups the district, each school shown, and the pooled small schools
	 * @param planned need code to the people whose plan has a goal on it
	 */
	public record Needs(String surveyId, String title, String schoolYear, int minGroupSize, long respondents,
			List<Targets.Target> top, List<Group> groups, Map<String, Set<String>> planned) {
	}

	/**
	 * @param schools the schools the group holds (lower-case matching is the caller's)
	 * @param shown whether its figures may be shown
	 * @param chosen need code to how many in the group chose it (empty when not shown)
	 */
	public record Group(String name, List<String> schools, long respondents, boolean shown, Map<String, Long> chosen) {
	}

	/** The latest survey that was opened; empty when the district has none. */
	public Mono<Needs> latest(String districtId) {
		return surveys.latestOpened(districtId)
			.flatMap(results::of)
			.zipWith(plans.inDistrict(districtId).collectList())
			.map(t -> needs(t.getT1(), t.getT2()));
	}

	private static Needs needs(SurveyResults.Results r, List<LearningPlan> plans) {
		List<Targets.Target> top = Recommendations.needs(r, TOP).stream()
			.map(n -> new Targets.Target(n.code(), n.label(), null))
			.toList();
		List<Group> groups = r.groups().stream().map(g -> {
			Map<String, Long> chosen = new LinkedHashMap<>();
			if (g.shown()) {
				g.questions().stream().flatMap(q -> q.choices().stream())
					.forEach(c -> chosen.merge(c.code(), c.count(), Long::sum));
			}
			return new Group(g.name(), g.schools(), g.respondents(), g.shown(), chosen);
		}).toList();
		Map<String, Set<String>> planned = new HashMap<>();
		for (LearningPlan plan : plans) {
			for (LearningPlan.Goal goal : plan.goals()) {
				for (String code : goal.targets()) {
					planned.computeIfAbsent(code.toUpperCase(java.util.Locale.ROOT), k -> new HashSet<>())
						.add(plan.personId());
				}
			}
		}
		return new Needs(r.surveyId(), r.title(), r.schoolYear(), r.minGroupSize(), r.respondents(), top, groups,
				planned);
	}

}
