package org.cairn.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.template.ArtifactKind;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a tier needs before it can be submitted: plain data in, the teacher's to-do list out. */
class TierCheckTests {

	@Test
	void aCompleteTierHasNothingLeftToDo() {
		Tier tier = tier(List.of(), reflection(500, 600, null, null), files("r2", 2, 3));
		List<Evidence> evidence = List.of(text("r1", 550), file("r2", ArtifactKind.PDF), file("r2", ArtifactKind.IMAGE));
		assertThat(TierCheck.problems(tier, Set.of(), evidence)).isEmpty();
	}

	@Test
	void anEarlierTierMustHavePassed() {
		Tier tier = tier(List.of("tier-1"));
		assertThat(TierCheck.problems(tier, Set.of(), List.of()))
			.containsExactly(new FieldProblem("tiers.tier-1", "pass tier-1 first"));
		assertThat(TierCheck.problems(tier, Set.of("tier-1"), List.of())).isEmpty();
	}

	@Test
	void aReflectionOutsideItsWordRangeSaysHowManyWordsItHasAndNeeds() {
		Tier tier = tier(List.of(), reflection(500, 600, null, null));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(text("r1", 420))))
			.containsExactly(new FieldProblem("requirements.r1", "the reflection has 420 words; it needs 500-600"));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(text("r1", 601))))
			.containsExactly(new FieldProblem("requirements.r1", "the reflection has 601 words; it needs 500-600"));
		assertThat(TierCheck.problems(tier, Set.of(), List.of()))
			.containsExactly(new FieldProblem("requirements.r1", "the reflection has 0 words; it needs 500-600"));
	}

	@Test
	void aVideoStandsInForAReflectionThatAcceptsOne() {
		Tier tier = tier(List.of(), reflection(500, 600, 120, 180));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(file("r1", ArtifactKind.VIDEO)))).isEmpty();
		assertThat(TierCheck.problems(tier, Set.of(), List.of(text("r1", 10))))
			.containsExactly(new FieldProblem("requirements.r1",
					"the reflection has 10 words; it needs 500-600 (or a 120-180 second video)"));
		// a video where none is accepted does not count as the reflection
		Tier written = tier(List.of(), reflection(500, null, null, null));
		assertThat(TierCheck.problems(written, Set.of(), List.of(file("r1", ArtifactKind.VIDEO))))
			.extracting(FieldProblem::message)
			.containsExactly("the reflection has 0 words; it needs at least 500");
	}

	@Test
	void itemCountsAreCheckedAgainstTheMinimumAndMaximum() {
		Tier tier = tier(List.of(), files("r2", 2, 3));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(file("r2", ArtifactKind.PDF))))
			.containsExactly(new FieldProblem("requirements.r2", "add at least 2 files (there is 1)"));
		List<Evidence> four = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			four.add(file("r2", ArtifactKind.IMAGE));
		}
		assertThat(TierCheck.problems(tier, Set.of(), four))
			.containsExactly(new FieldProblem("requirements.r2", "at most 3 files"));
	}

	@Test
	void evidenceForAnotherRequirementDoesNotCount() {
		Tier tier = tier(List.of(), links("r3"));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(link("r9"))))
			.containsExactly(new FieldProblem("requirements.r3", "add at least 1 link (there are 0)"));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(link("r3")))).isEmpty();
	}

	@Test
	void aVideoRequirementCountsOnlyVideos() {
		Tier tier = tier(List.of(), new Requirement("r4", RequirementKind.VIDEO, "Lesson", null, null, null, 60, 600,
				null, null, null, null, null));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(file("r4", ArtifactKind.IMAGE))))
			.containsExactly(new FieldProblem("requirements.r4", "add at least 1 video (there are 0)"));
		assertThat(TierCheck.problems(tier, Set.of(), List.of(file("r4", ArtifactKind.VIDEO)))).isEmpty();
	}

	private static Tier tier(List<String> requires, Requirement... requirements) {
		return new Tier("tier-2", "Tier 2", null, requires, true, 0, null, null, List.of(requirements));
	}

	private static Requirement reflection(Integer minWords, Integer maxWords, Integer minSeconds, Integer maxSeconds) {
		return new Requirement("r1", RequirementKind.REFLECTION, "Reflect", null, minWords, maxWords, minSeconds,
				maxSeconds, null, null, null, null, null);
	}

	private static Requirement files(String key, Integer min, Integer max) {
		return new Requirement(key, RequirementKind.ARTIFACTS, "Artifacts", null, null, null, null, null, null, min,
				max, null, null);
	}

	private static Requirement links(String key) {
		return new Requirement(key, RequirementKind.LINKS, "Links", null, null, null, null, null, null, null, null,
				null, null);
	}

	private static Evidence text(String requirement, int words) {
		return evidence(requirement, EvidenceType.TEXT, null, words);
	}

	private static Evidence file(String requirement, ArtifactKind kind) {
		return evidence(requirement, EvidenceType.FILE, kind, null);
	}

	private static Evidence link(String requirement) {
		return evidence(requirement, EvidenceType.LINK, null, null);
	}

	private static Evidence evidence(String requirement, EvidenceType type, ArtifactKind kind, Integer words) {
		return new Evidence(null, "d1", "e1", "p1", "tier-2", requirement, type, "piece", null, words, null, null,
				null, kind, null, null, null, false, false, null, null, null);
	}

}
