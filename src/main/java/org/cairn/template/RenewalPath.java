package org.cairn.template;

/**
 * How a teacher renews a badge of this template before (or after) it expires: a shorter renewal tier with its own
 * requirements and rubric, reviewed like any tier, or the whole microcredential again.
 *
 * @param kind {@link Kind#TIER} or {@link Kind#FULL}
 * @param tier the renewal tier (its key is always {@link #TIER_KEY}); null for {@link Kind#FULL}
 */
public record RenewalPath(Kind kind, Tier tier) {

	/** The key of a renewal tier: one per template, never one of the ordinary tiers' keys. */
	public static final String TIER_KEY = "renewal";

	public enum Kind {

		/** A shorter renewal tier. */
		TIER,
		/** Every tier of the microcredential again. */
		FULL

	}

	public RenewalPath {
		if (kind == Kind.FULL) {
			tier = null;
		}
		else if (tier != null && !TIER_KEY.equals(tier.key())) {
			// the key is not the author's to choose: evidence and reviews find the tier by it
			tier = new Tier(TIER_KEY, tier.title(), tier.description(), java.util.List.of(), false, 0, null,
					tier.estimatedHours(), null, tier.requirements());
		}
	}

}
