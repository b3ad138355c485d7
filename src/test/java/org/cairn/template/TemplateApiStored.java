package org.cairn.template;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published template as it may sit in the store, e.g. from before a rule existed. */
final class TemplateApiStored {

	private TemplateApiStored() {
	}

	static Template template(String districtId, String artwork) {
		RubricCriterion criterion = new RubricCriterion("c1", "Uses formative data to adjust instruction",
				List.of("Data not used", "Data used to adjust instruction"));
		Requirement reflection = new Requirement("r1", RequirementKind.REFLECTION, "Reflection",
				"Describe how you used formative data.", 500, 600, null, null, null, null, null, List.of(criterion),
				null);
		Tier tier = new Tier("tier-1", "Tier 1: Research", "Research formative assessment.", List.of(), true, 0,
				"Title II-A", 10, List.of(reflection));
		return new Template(null, districtId, UUID.randomUUID().toString(), 1, TemplateStatus.PUBLISHED,
				"Formative Assessment", "Uses formative assessment to adjust instruction.",
				"Pass every requirement at **On track**.", artwork, new Tags(List.of("Math"), List.of("6-8"), List.of()),
				List.of(), null, RubricScale.twoLevel(), false, List.of(tier), null, Instant.now(), Instant.now(),
				null);
	}

}
