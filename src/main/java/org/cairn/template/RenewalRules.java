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
			problems.say("renewal.kind", "renewal-kind");
			return;
		}
		if (content.validFor() == null) {
			problems.say("renewal", "renewal-valid-for");
		}
		if (renewal.kind() == RenewalPath.Kind.TIER) {
			Tier tier = renewal.tier();
			if (tier == null) {
				problems.say("renewal.tier", "renewal-tier");
				return;
			}
			for (int i = 0; i < content.tiers().size(); i++) {
				Tier ordinary = content.tiers().get(i);
				if (ordinary != null && RenewalPath.TIER_KEY.equals(ordinary.key())) {
					problems.say("tiers[" + i + "].key", "renewal-key");
				}
			}
			problems.line("renewal.tier.title", tier.title(), 1, 120);
			problems.optionalText("renewal.tier.description", tier.description(), 4_000);
			if (tier.estimatedHours() != null && (tier.estimatedHours() < 0 || tier.estimatedHours() > 1_000)) {
				problems.say("renewal.tier.estimatedHours", "range", 0, 1000);
			}
			TemplateRules.checkRequirements(problems, "renewal.tier", tier.requirements(), levels);
		}
	}

}
