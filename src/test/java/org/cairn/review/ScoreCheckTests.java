package org.cairn.review;

import java.util.List;

import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.review.Reviews.DecisionBody;
import org.cairn.template.PassRule;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.RubricScale;
import org.cairn.template.Template;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An assessor's scores against the rubric: every criterion once, on the scale, and the outcome the pass rule
 * gives. Two requirements, {@code r1} with criteria {@code a} and {@code b}, {@code r2} with {@code c}; the scale
 * has four levels passing at 2.
 */
class ScoreCheckTests {

	private static final RubricScale SCALE = new RubricScale("Four", List.of("0", "1", "2", "3"), 2);

	@Test
	void scoresAtThePassingLevelPass() {
		assertThat(ScoreCheck.passes(template(), tier(null), pass(score("r1", "a", 2), score("r1", "b", 3),
				score("r2", "c", 2)))).isTrue();
	}

	@Test
	void oneCriterionBelowThePassingLevelReturnsTheTier() {
		assertThat(ScoreCheck.passes(template(), tier(null), decide(Attempt.Outcome.RETURN, score("r1", "a", 2),
				score("r1", "b", 1), score("r2", "c", 3)))).isFalse();
	}

	@Test
	void aPassTheScoresDoNotSupportIsRefusedAndSaysWhy() {
		assertThatThrownBy(() -> ScoreCheck.passes(template(), tier(null),
				pass(score("r1", "a", 2), score("r1", "b", 1), score("r2", "c", 3))))
			.isInstanceOfSatisfying(ProblemException.class, problem -> {
				assertThat(problem.type()).isEqualTo(ReviewProblem.DECISION_INCONSISTENT);
				assertThat(problem.getMessage()).contains("cannot pass");
			});
		assertThatThrownBy(() -> ScoreCheck.passes(template(), tier(null), decide(Attempt.Outcome.RETURN,
				score("r1", "a", 3), score("r1", "b", 3), score("r2", "c", 3))))
			.isInstanceOfSatisfying(ProblemException.class,
					problem -> assertThat(problem.getMessage()).contains("lower a score to return it"));
	}

	@Test
	void aRequirementsOwnRuleDecidesWhichCriteriaCountAndHowHigh() {
		// r1 passes on criterion a at level 3 alone; b does not count
		Tier tier = tier(new PassRule(3, List.of("a")));
		assertThat(ScoreCheck.passes(template(), tier, pass(score("r1", "a", 3), score("r1", "b", 0),
				score("r2", "c", 2)))).isTrue();
		assertThat(ScoreCheck.passes(template(), tier, decide(Attempt.Outcome.RETURN, score("r1", "a", 2),
				score("r1", "b", 3), score("r2", "c", 3)))).isFalse();
	}

	@Test
	void everyScoringMistakeIsListedAtOnce() {
		assertThatThrownBy(() -> ScoreCheck.passes(template(), tier(null),
				pass(score("r1", "a", 2), score("r1", "a", 2), score("r1", "z", 2), score("r2", "c", 4))))
			.isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(errors(problem)).containsExactly(
					new FieldProblem("scores[1]", "scored twice: r1/a"),
					new FieldProblem("scores[2]", "no criterion r1/z in this tier"),
					new FieldProblem("scores[3].level", "the scale has levels 0 to 3"),
					new FieldProblem("scores", "score every criterion: r1/b is missing")));
	}

	@Test
	void aTierWithoutCriteriaTakesTheAssessorsWord() {
		Tier plain = new Tier("t1", "Tier 1", null, List.of(), true, 0, null, null, List.of(new Requirement("r1",
				RequirementKind.REFLECTION, "Reflect", null, 100, null, null, null, null, null, null, null, null)));
		assertThat(ScoreCheck.passes(template(), plain, pass())).isTrue();
		assertThat(ScoreCheck.passes(template(), plain, decide(Attempt.Outcome.RETURN))).isFalse();
	}

	@SuppressWarnings("unchecked")
	private static List<FieldProblem> errors(ProblemException problem) {
		return (List<FieldProblem>) problem.toProblemDetail().getProperties().get("errors");
	}

	private static Template template() {
		return new Template("t", "d1", "f", 1, null, "Title", null, null, null, null, null, null, SCALE, false,
				List.of(), null, null, null, null);
	}

	private static Tier tier(PassRule r1Rule) {
		Requirement r1 = new Requirement("r1", RequirementKind.ARTIFACTS, "Artifacts", null, null, null, null, null,
				null, null, null, List.of(criterion("a"), criterion("b")), r1Rule);
		Requirement r2 = new Requirement("r2", RequirementKind.REFLECTION, "Reflect", null, 100, null, null, null,
				null, null, null, List.of(criterion("c")), null);
		return new Tier("t1", "Tier 1", null, List.of(), true, 0, null, null, List.of(r1, r2));
	}

	private static RubricCriterion criterion(String key) {
		return new RubricCriterion(key, "Criterion " + key, List.of("0", "1", "2", "3"));
	}

	private static Score score(String requirement, String criterion, int level) {
		return new Score(requirement, criterion, level, null);
	}

	private static DecisionBody pass(Score... scores) {
		return decide(Attempt.Outcome.PASS, scores);
	}

	private static DecisionBody decide(Attempt.Outcome outcome, Score... scores) {
		return new DecisionBody(1, outcome, List.of(scores), null);
	}

}
