package org.cairn.template;

/** What a template's renewal path must satisfy; the rest of a template is checked by {@link TemplateRules}. */
final class RenewalRules {

	private RenewalRules() {
	}

	/**
	 * A renewal path needs a validity to renew (a badge that never expires is never renewed); a renewal tier is
	 * checked like any tier: a title and requirements each with a rubric.
	 */
	static void check(TemplateRules.Problems problems, TemplateContent content, int levels) {
		RenewalPath renewal = content.renewal();
		if (renewal == null) {
			return;
		}
		if (renewal.kind() == null) {
			problems.add("renewal.kind", "must be TIER (a renewal tier) or FULL (the whole microcredential again)");
			return;
		}
		if (content.validFor() == null) {
			problems.add("renewal", "needs a validity period (validFor): a badge that never expires is never renewed");
		}
		if (renewal.kind() == RenewalPath.Kind.TIER) {
			Tier tier = renewal.tier();
			if (tier == null) {
				problems.add("renewal.tier", "is required: what a teacher does to renew");
				return;
			}
			for (int i = 0; i < content.tiers().size(); i++) {
				Tier ordinary = content.tiers().get(i);
				if (ordinary != null && RenewalPath.TIER_KEY.equals(ordinary.key())) {
					problems.add("tiers[" + i + "].key",
							"\u201crenewal\u201d is kept for the renewal tier: give this tier another title");
				}
			}
			problems.line("renewal.tier.title", tier.title(), 1, 120);
			problems.optionalText("renewal.tier.description", tier.description(), 4_000);
			if (tier.estimatedHours() != null && (tier.estimatedHours() < 0 || tier.estimatedHours() > 1_000)) {
				problems.add("renewal.tier.estimatedHours", "must be from 0 to 1000");
			}
			TemplateRules.checkRequirements(problems, "renewal.tier", tier.requirements(), levels);
		}
	}

}
