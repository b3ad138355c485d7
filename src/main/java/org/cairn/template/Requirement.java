package org.cairn.template;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One piece of evidence a tier asks for, and the rubric it is scored by. Which limits apply depends on the kind:
 * words for {@link RequirementKind#REFLECTION} (with an optional video alternative in seconds, as Parkway's
 * "500-600 words or a 2-3 minute video"), seconds for {@link RequirementKind#VIDEO}, item counts and
 * {@code allowedKinds} for artifacts and data, item counts for links.
 *
 * @param passRule when the requirement passes; null means every criterion at the scale's passing level
 */
public record Requirement(String key, RequirementKind kind, String title, String prompt, Integer minWords,
		Integer maxWords, Integer minSeconds, Integer maxSeconds, Set<ArtifactKind> allowedKinds, Integer minItems,
		Integer maxItems, List<RubricCriterion> criteria, PassRule passRule) {

	public Requirement {
		// Declaration order, so the same template always serializes (and exports) the same way.
		allowedKinds = allowedKinds == null || allowedKinds.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(allowedKinds));
		criteria = criteria == null ? List.of() : List.copyOf(criteria);
	}

	/** A reflection that may be recorded as a video instead of written. */
	public boolean acceptsVideoInstead() {
		return kind == RequirementKind.REFLECTION && minSeconds != null && maxSeconds != null;
	}

}
