package org.cairn.template;

import java.util.List;
import java.util.Optional;

/**
 * A district's own Spanish wording of a template (issue 18): its name, description and criteria, and the titles and
 * texts of its tiers and requirements, each optional (what is left out is shown as the author wrote it). Served to
 * readers who asked for Spanish: the catalogue, the template page, the evidence workspace, the public badge and
 * criteria pages, the certificate and award mail. Open Badges documents stay in the author's language.
 *
 * @param tiers by tier key; a key no tier has is a problem of the template
 */
public record TemplateTranslation(String title, String summary, String criteria, List<TierText> tiers) {

	public TemplateTranslation {
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
	}

	/** A tier's Spanish title and description, and its requirements' by requirement key. */
	public record TierText(String key, String title, String description, List<RequirementText> requirements) {

		public TierText {
			requirements = requirements == null ? List.of() : List.copyOf(requirements);
		}

		Optional<RequirementText> requirement(String key) {
			return requirements.stream().filter(r -> r.key() != null && r.key().equals(key)).findFirst();
		}

	}

	/** A requirement's Spanish title and prompt to the teacher. */
	public record RequirementText(String key, String title, String prompt) {
	}

	Optional<TierText> tier(String key) {
		return tiers.stream().filter(t -> t.key() != null && t.key().equals(key)).findFirst();
	}

	/** Whether nothing is translated (stored as no translation). */
	boolean isEmpty() {
		return blank(title) && blank(summary) && blank(criteria) && tiers.stream()
			.allMatch(t -> blank(t.title()) && blank(t.description()) && t.requirements().stream()
				.allMatch(r -> blank(r.title()) && blank(r.prompt())));
	}

	/** The translated text where there is one, else the author's. */
	static String or(String translated, String original) {
		return blank(translated) ? original : translated;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
