package org.cairn.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.review.Reviews.DecisionBody;
import org.cairn.template.PassRule;
import org.cairn.template.Requirement;
import org.cairn.template.RubricCriterion;
import org.cairn.template.Template;
import org.cairn.template.Tier;

/** The scores of a decision checked against the tier's rubric and pass rules: a pure rule, no store. */
final class ScoreCheck {

	private ScoreCheck() {
	}

	/**
	 * Every criterion of every requirement scored exactly once on the scale; the outcome must agree with the pass
	 * rules. Returns whether the tier passes.
	 */
	static boolean passes(Template template, Tier tier, DecisionBody body) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Score> byKey = new HashMap<>();
		int levels = template.scale() == null ? 0 : template.scale().levels().size();
		for (int i = 0; i < body.scores().size(); i++) {
			Score score = body.scores().get(i);
			String key = score.requirementKey() + "/" + score.criterionKey();
			if (byKey.put(key, score) != null) {
				problems.add(new FieldProblem("scores[" + i + "]", "scored twice: " + key));
			}
			if (score.level() >= levels) {
				problems.add(new FieldProblem("scores[" + i + "].level", "the scale has levels 0 to " + (levels - 1)));
			}
			boolean known = tier.requirements()
				.stream()
				.anyMatch(r -> r.key().equals(score.requirementKey())
						&& r.criteria().stream().anyMatch(c -> c.key().equals(score.criterionKey())));
			if (!known) {
				problems.add(new FieldProblem("scores[" + i + "]", "no criterion " + key + " in this tier"));
			}
		}
		boolean passes = true;
		boolean anyCriteria = false;
		for (Requirement requirement : tier.requirements()) {
			PassRule rule = requirement.passRule() != null ? requirement.passRule()
					: new PassRule(template.scale() == null ? 0 : template.scale().passingLevel(), List.of());
			for (RubricCriterion criterion : requirement.criteria()) {
				anyCriteria = true;
				Score score = byKey.get(requirement.key() + "/" + criterion.key());
				if (score == null) {
					problems.add(new FieldProblem("scores",
							"score every criterion: " + requirement.key() + "/" + criterion.key() + " is missing"));
					continue;
				}
				boolean counts = rule.criteria().isEmpty() || rule.criteria().contains(criterion.key());
				if (counts && score.level() < rule.minimumLevel()) {
					passes = false;
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		boolean wantsPass = body.outcome() == Attempt.Outcome.PASS;
		if (anyCriteria && wantsPass != passes) {
			throw new ProblemException(ReviewProblem.DECISION_INCONSISTENT, "Decision does not match the scores",
						passes ? "Every criterion meets the pass rule, so the tier passes; lower a score to return it."
								: "A criterion is below the pass rule, so the tier cannot pass; return it for revision.")
				.with("passesByRule", passes);
		}
		return anyCriteria ? passes : wantsPass;
	}

}
