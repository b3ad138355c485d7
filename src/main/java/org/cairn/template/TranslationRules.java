package org.cairn.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of a template's Spanish wording ({@link TemplateTranslation}), part of {@link TemplateRules}. */
final class TranslationRules {

	private TranslationRules() {
	}

	/**
	 * The Spanish wording: every text optional, held to the English field's limits (a title one line), and naming
	 * only tiers and requirements the template has (the renewal tier too), each once.
	 */
	static void check(TemplateRules.Problems problems, TemplateContent content) {
		TemplateTranslation es = content.es();
		if (es == null) {
			return;
		}
		problems.optionalLine("es.title", es.title(), 120);
		problems.optionalText("es.summary", es.summary(), 1_000);
		problems.optionalText("es.criteria", es.criteria(), 20_000);
		List<Tier> tiers = new ArrayList<>(content.tiers());
		if (content.renewal() != null && content.renewal().tier() != null) {
			tiers.add(content.renewal().tier());
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < es.tiers().size(); i++) {
			String path = "es.tiers[" + i + "]";
			TemplateTranslation.TierText text = es.tiers().get(i);
			if (text == null) {
				problems.say(path, "not-null");
				continue;
			}
			Tier tier = tiers.stream().filter(t -> t.key() != null && t.key().equals(text.key())).findFirst()
				.orElse(null);
			if (tier == null) {
				problems.say(path + ".key", "no-such-tier");
				continue;
			}
			if (!seen.add(text.key())) {
				problems.say(path + ".key", "tier-twice", text.key());
			}
			problems.optionalLine(path + ".title", text.title(), 120);
			problems.optionalText(path + ".description", text.description(), 4_000);
			Set<String> requirements = new HashSet<>();
			for (int j = 0; j < text.requirements().size(); j++) {
				String at = path + ".requirements[" + j + "]";
				TemplateTranslation.RequirementText r = text.requirements().get(j);
				if (r == null) {
					problems.say(at, "not-null");
					continue;
				}
				if (tier.requirements().stream().noneMatch(q -> q.key() != null && q.key().equals(r.key()))) {
					problems.say(at + ".key", "no-such-requirement", tier.key());
				}
				else if (!requirements.add(r.key())) {
					problems.say(at + ".key", "requirement-twice", r.key());
				}
				problems.optionalLine(at + ".title", r.title(), 120);
				problems.optionalText(at + ".prompt", r.prompt(), 4_000);
			}
		}
	}

}
