package org.cairn.earning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cairn.district.District;
import org.cairn.template.ArtifactKind;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.RubricScale;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;

/** The Parkway four-tier template as published records, built the way the product brief describes it. */
public final class Parkway {

	private Parkway() {
	}

	static RubricCriterion criterion(String key, String name) {
		return new RubricCriterion(key, name, List.of("Not yet on track", "On track"));
	}

	static Requirement reflection(String key, int min, int max, int minSeconds, int maxSeconds) {
		return new Requirement(key, RequirementKind.REFLECTION, "Reflection", "Reflect on your learning", min, max,
				minSeconds, maxSeconds, Set.of(), null, null,
				List.of(criterion("length", "Meets the length"), criterion("meaning", "Specific and meaningful")),
				null);
	}

	public static Template template(District district) {
		Tier t1 = new Tier("tier-1", "Evidence of learning", "Meaning made from two research-based resources",
				List.of(), true, 7500, "Title II-A", 6, List.of(reflection("reflection", 500, 600, 120, 180)));
		Tier t2 = new Tier("tier-2", "Evidence of implementation", "Artifacts and a reflection", List.of("tier-1"),
				true, 7500, "Title II-A", 8,
				List.of(new Requirement("artifacts", RequirementKind.ARTIFACTS, "Artifacts", "Photos, work samples",
						null, null, null, null, Set.of(ArtifactKind.IMAGE, ArtifactKind.PDF, ArtifactKind.VIDEO),
						1, 10, List.of(criterion("implemented", "Shows implementation")), null),
						reflection("reflection", 250, 350, 60, 120)));
		Tier t3 = new Tier("tier-3", "Evidence of impact", "Data and a reflection", List.of("tier-1", "tier-2"), true,
				7500, "District", 8,
				List.of(new Requirement("data", RequirementKind.DATA, "Data", "Any data", null, null, null, null,
						Set.of(), 1, 5, List.of(criterion("data", "Data submitted")), null),
						reflection("reflection", 250, 350, 60, 120)));
		Tier t4 = new Tier("tier-4", "Evidence of sharing", "A lesson plan, links and a reflection",
				List.of("tier-1", "tier-2", "tier-3"), true, 7500, "District", 6,
				List.of(new Requirement("plan", RequirementKind.ARTIFACTS, "Lesson plan", "Detailed enough to reuse",
						null, null, null, null, Set.of(ArtifactKind.PDF, ArtifactKind.DOCUMENT), 1, 3,
						List.of(criterion("detail", "Detailed enough for a colleague")), null),
						new Requirement("links", RequirementKind.LINKS, "Resources", "Links to every resource", null,
								null, null, null, Set.of(), 1, 20, List.of(criterion("links", "Every resource")),
								null),
						reflection("reflection", 250, 350, 60, 120)));
		return new Template(null, district.id(), UUID.randomUUID().toString(), 1, TemplateStatus.PUBLISHED,
				"Personalized Learning (Parkway)", "Four tiers", "Criteria", null, null, List.of(), null,
				RubricScale.twoLevel(), true, List.of(t1, t2, t3, t4), "parkway-personalized-learning", Instant.now(),
				Instant.now(), null);
	}

	/**
	 * The same template with every tier open from the start (no prerequisites), for tests about evidence itself
	 * rather than the order of tiers: a locked tier takes no evidence.
	 */
	public static Template unlocked(District district) {
		Template t = template(district);
		List<Tier> open = t.tiers()
			.stream()
			.map(x -> new Tier(x.key(), x.title(), x.description(), List.of(), x.awardedSeparately(), x.stipendCents(),
					x.fundingSource(), x.estimatedHours(), x.requirements()))
			.toList();
		return new Template(t.id(), t.districtId(), t.familyId(), t.version(), t.status(), t.title(), t.summary(),
				t.criteria(), t.artwork(), t.tags(), t.alignments(), t.validFor(), t.scale(), t.proposalRequired(), open,
				t.libraryKey(), t.createdAt(), t.publishedAt(), t.revision());
	}

}
