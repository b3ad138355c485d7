package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cairn.problem.ProblemException.FieldProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authoring rules on plain content, no Spring context: a publishable template has no problems, and every
 * problem of a broken one is reported at once with the JSON path of its field. The built-in frameworks are read
 * from {@code badge-templates/} as the running service reads them.
 */
class TemplateRulesTests {

	private static final TemplateRules RULES = new TemplateRules(
			new Frameworks(JsonMapper.builder().build(), null, Clock.systemUTC()));

	private static final String ARTWORK = Artwork.svgDataUri(("<svg xmlns=\"http://www.w3.org/2000/svg\" "
			+ "viewBox=\"0 0 100 100\" width=\"100\" height=\"100\"><circle cx=\"50\" cy=\"50\" r=\"40\" "
			+ "fill=\"#2a6f97\"/></svg>").getBytes(StandardCharsets.UTF_8));

	@Test
	void aCompleteTemplateHasNoProblems() {
		assertThat(RULES.check(content(List.of(tier("tier-1", List.of()), tier("tier-2", List.of("tier-1"))))))
			.isEmpty();
	}

	@Test
	void everyProblemIsListedAtOnceWithItsPath() {
		TemplateContent broken = new TemplateContent("", null, "Long enough criteria", ARTWORK, null, null,
				Period.ZERO, new RubricScale("Scale", List.of("Only one"), 3), false, List.of());
		assertThat(RULES.check(broken)).extracting(FieldProblem::field)
			.containsExactly("title", "summary", "validFor", "scale.levels", "scale.passingLevel", "tiers");
	}

	@Test
	void aTierMayOnlyRequireEarlierTiersOfTheSameTemplate() {
		List<FieldProblem> problems = RULES.check(content(List.of(tier("tier-1", List.of("tier-2")),
				tier("tier-2", List.of("tier-2", "tier-9")))));
		assertThat(problems).contains(
				new FieldProblem("tiers[0].requires[0]",
						"names tier-2, a later tier; a tier can only require earlier ones"),
				new FieldProblem("tiers[1].requires[0]", "a tier cannot require itself"),
				new FieldProblem("tiers[1].requires[1]", "names tier-9, which is not a tier of this template"));
	}

	@Test
	void prerequisitesThatLoopAreNamedAsACycle() {
		List<FieldProblem> problems = RULES
			.check(content(List.of(tier("a", List.of("b")), tier("b", List.of("a")))));
		assertThat(problems).filteredOn(p -> p.field().equals("tiers"))
			.extracting(FieldProblem::message)
			.singleElement()
			.satisfies(message -> assertThat(message).startsWith("tier prerequisites form a cycle: ")
				.containsAnyOf("a -> b -> a", "b -> a -> b"));
	}

	@Test
	void keysAreUniqueAndShapedWithinTheirList() {
		List<FieldProblem> problems = RULES.check(content(List.of(tier("tier-1", List.of()), tier("tier-1", List.of()),
				tier("Tier Two", List.of()))));
		assertThat(problems).contains(new FieldProblem("tiers[1].key", "duplicates the key of tiers[0]"),
				new FieldProblem("tiers[2].key", "must be 1-40 lowercase letters, digits or hyphens"));
	}

	@Test
	void eachRequirementKindNeedsItsOwnLimits() {
		Requirement reflection = requirement("r1", RequirementKind.REFLECTION, 600, 500, 120, null, Set.of());
		Requirement video = requirement("r2", RequirementKind.VIDEO, null, null, null, null, Set.of());
		Requirement artifacts = requirement("r3", RequirementKind.ARTIFACTS, null, null, null, null, Set.of());
		List<FieldProblem> problems = RULES.check(content(List.of(new Tier("tier-1", "Tier 1", null, List.of(), true,
				0, null, null, List.of(reflection, video, artifacts)))));
		assertThat(problems).containsExactlyInAnyOrder(
				new FieldProblem("tiers[0].requirements[0].minWords", "minWords (600) is above maxWords (500)"),
				new FieldProblem("tiers[0].requirements[0].minSeconds",
						"a video alternative needs both minSeconds and maxSeconds, or neither"),
				new FieldProblem("tiers[0].requirements[1].minSeconds", "a video needs minSeconds and maxSeconds"),
				new FieldProblem("tiers[0].requirements[2].allowedKinds", "name at least one kind of file to accept"));
	}

	@Test
	void rubricsMatchTheScaleAndPassRulesNameRealCriteria() {
		Requirement r = new Requirement("r1", RequirementKind.LINKS, "Links", "Share your links.", null, null, null,
				null, Set.of(), 1, 3, List.of(new RubricCriterion("c1", "Clarity", List.of("No", "Yes", "Extra"))),
				new PassRule(5, List.of("c9")));
		List<FieldProblem> problems = RULES.check(content(List.of(new Tier("tier-1", "Tier 1", null, List.of(), true,
				0, null, null, List.of(r)))));
		assertThat(problems).containsExactlyInAnyOrder(
				new FieldProblem("tiers[0].requirements[0].criteria[0].descriptors",
						"has 3 descriptors; the scale has 2 levels"),
				new FieldProblem("tiers[0].requirements[0].passRule.minimumLevel",
						"is level 5, outside the scale's levels 0 to 1"),
				new FieldProblem("tiers[0].requirements[0].passRule.criteria[0]",
						"names c9, which is not a criterion of this requirement"));
	}

	@Test
	void anAlignmentToABuiltInFrameworkMustUseOneOfItsCodes() {
		Alignment known = new Alignment("Planning", "https://danielsongroup.org/", null,
				"Danielson Framework for Teaching", "FFT.D1");
		Alignment typo = new Alignment("Planning", "https://danielsongroup.org/", null,
				"Danielson Framework for Teaching", "FFT.D9");
		Alignment local = new Alignment("Local goal", "ftp://intranet/goal", null, null, null);
		List<FieldProblem> problems = RULES.check(withAlignments(List.of(known, typo, local)));
		assertThat(problems).containsExactlyInAnyOrder(
				new FieldProblem("alignments[1].targetCode", "FFT.D9 is not a code of Danielson Framework for Teaching"),
				new FieldProblem("alignments[2].targetUrl", "must be an absolute http(s) URL"));
	}

	@Test
	void aTitleIsOneLineBecauseItReachesMailSubjects() {
		TemplateContent twoLines = new TemplateContent("Coaching\r\nBcc: everyone@example.org", "A summary long enough",
				"Criteria long enough", ARTWORK, null, null, null, scale(), false, List.of(tier("tier-1", List.of())));
		assertThat(RULES.check(twoLines)).containsExactly(
				new FieldProblem("title", "must be one line of text, without line breaks or control characters"));
	}

	private static TemplateContent content(List<Tier> tiers) {
		return new TemplateContent("Coaching Cycles", "A summary long enough", "Criteria long enough", ARTWORK, null,
				null, Period.ofYears(3), scale(), false, tiers);
	}

	private static TemplateContent withAlignments(List<Alignment> alignments) {
		return new TemplateContent("Coaching Cycles", "A summary long enough", "Criteria long enough", ARTWORK, null,
				alignments, null, scale(), false, List.of(tier("tier-1", List.of())));
	}

	private static RubricScale scale() {
		return new RubricScale("Two-level", List.of("Not yet", "On track"), 1);
	}

	private static Tier tier(String key, List<String> requires) {
		return new Tier(key, "Tier " + key, null, requires, true, 7_500, "Title II-A", 10,
				List.of(requirement("r1", RequirementKind.REFLECTION, 500, 600, null, null, Set.of())));
	}

	private static Requirement requirement(String key, RequirementKind kind, Integer minWords, Integer maxWords,
			Integer minSeconds, Integer maxSeconds, Set<ArtifactKind> allowed) {
		List<RubricCriterion> criteria = new ArrayList<>();
		criteria.add(new RubricCriterion("c1", "Depth", List.of("Thin", "Deep")));
		return new Requirement(key, kind, "Requirement " + key, "Tell us about it.", minWords, maxWords, minSeconds,
				maxSeconds, allowed, null, null, criteria, null);
	}

}
