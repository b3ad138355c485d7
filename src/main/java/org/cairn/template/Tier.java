package org.cairn.template;

import java.util.List;

/**
 * A tier (or section) of a microcredential.
 *
 * @param key stable within the template, e.g. {@code tier-1}
 * @param requires keys of earlier tiers that must be passed first
 * @param awardedSeparately true when passing this tier earns its own badge (Parkway); false when it only counts
 * toward the whole (Derry). The last tier always completes the whole microcredential.
 * @param stipendCents paid when this tier is passed (Parkway: 7500 for each tier, a running $75/$150/$225/$300)
 * @param fundingSource where the stipend is paid from, e.g. "Title II-A", "State", "District"
 */
public record Tier(String key, String title, String description, List<String> requires, boolean awardedSeparately,
		long stipendCents, String fundingSource, Integer estimatedHours, List<Requirement> requirements) {

	public Tier {
		requires = requires == null ? List.of() : List.copyOf(requires);
		requirements = requirements == null ? List.of() : List.copyOf(requirements);
	}

}
