package org.cairn.template;

import java.time.Period;
import java.util.List;

/**
 * What an author writes: everything in a {@link Template} except identity, version and lifecycle. It is the body
 * of create and update, the {@code template} of an export, and of a starter library file.
 */
public record TemplateContent(String title, String summary, String criteria, String artwork, Tags tags,
		List<Alignment> alignments, Period validFor, RubricScale scale, boolean proposalRequired, List<Tier> tiers,
		RenewalPath renewal, TemplateTranslation es) {

	@com.fasterxml.jackson.annotation.JsonCreator
	public TemplateContent {
		es = es == null || es.isEmpty() ? null : es;
		tags = tags == null ? new Tags(null, null, null) : tags;
		alignments = alignments == null ? List.of() : List.copyOf(alignments);
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
	}

	/** Content without a Spanish wording (tests and older callers). */
	public TemplateContent(String title, String summary, String criteria, String artwork, Tags tags,
			List<Alignment> alignments, Period validFor, RubricScale scale, boolean proposalRequired, List<Tier> tiers,
			RenewalPath renewal) {
		this(title, summary, criteria, artwork, tags, alignments, validFor, scale, proposalRequired, tiers, renewal,
				null);
	}

	/** Content without a renewal path (tests and older callers). */
	public TemplateContent(String title, String summary, String criteria, String artwork, Tags tags,
			List<Alignment> alignments, Period validFor, RubricScale scale, boolean proposalRequired, List<Tier> tiers) {
		this(title, summary, criteria, artwork, tags, alignments, validFor, scale, proposalRequired, tiers, null);
	}

	static TemplateContent of(Template t) {
		return new TemplateContent(t.title(), t.summary(), t.criteria(), t.artwork(), t.tags(), t.alignments(),
				t.validFor(), t.scale(), t.proposalRequired(), t.tiers(), t.renewal(), t.es());
	}

	TemplateContent withArtwork(String dataUri) {
		return new TemplateContent(title, summary, criteria, dataUri, tags, alignments, validFor, scale,
				proposalRequired, tiers, renewal, es);
	}

	long totalStipendCents() {
		return tiers.stream().mapToLong(Tier::stipendCents).sum();
	}

}
