package org.cairn.template;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.cairn.language.Language;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a microcredential. A published version never changes: editing creates the next version in the
 * same {@code familyId}, and every enrolment and badge keeps the id of the version it was earned under.
 *
 * @param familyId stable across versions of the same microcredential
 * @param criteria the criteria narrative (Markdown) shown on the public criteria page
 * @param artwork the badge image as a {@code data:} URI (PNG or SVG)
 * @param validFor how long an earned badge stays valid; null for no expiry
 * @param proposalRequired whether a teacher must propose and be approved before starting
 * @param tiers in order; a template with one tier is a single-step microcredential
 * @param renewal how a teacher renews a badge of this template (a renewal tier, or the whole again); null for none
 * @param es the district's Spanish wording, or null: shown to readers who asked for Spanish ({@link #in})
 */
@Document("templates")
@CompoundIndex(name = "family_version", def = "{'familyId': 1, 'version': 1}", unique = true)
public record Template(@Id String id, String districtId, String familyId, int version, TemplateStatus status,
		String title, String summary, String criteria, String artwork, Tags tags, List<Alignment> alignments,
		Period validFor, RubricScale scale, boolean proposalRequired, List<Tier> tiers, String libraryKey,
		Instant createdAt, Instant publishedAt, @Version Long revision, RenewalPath renewal, TemplateTranslation es) {

	@PersistenceCreator
	public Template {
		alignments = alignments == null ? List.of() : List.copyOf(alignments);
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
		es = es == null || es.isEmpty() ? null : es;
	}

	/** A version without a Spanish wording (tests and older callers). */
	public Template(String id, String districtId, String familyId, int version, TemplateStatus status, String title,
			String summary, String criteria, String artwork, Tags tags, List<Alignment> alignments, Period validFor,
			RubricScale scale, boolean proposalRequired, List<Tier> tiers, String libraryKey, Instant createdAt,
			Instant publishedAt, Long revision, RenewalPath renewal) {
		this(id, districtId, familyId, version, status, title, summary, criteria, artwork, tags, alignments, validFor,
				scale, proposalRequired, tiers, libraryKey, createdAt, publishedAt, revision, renewal, null);
	}

	/** A version without a renewal path (tests and older callers). */
	public Template(String id, String districtId, String familyId, int version, TemplateStatus status, String title,
			String summary, String criteria, String artwork, Tags tags, List<Alignment> alignments, Period validFor,
			RubricScale scale, boolean proposalRequired, List<Tier> tiers, String libraryKey, Instant createdAt,
			Instant publishedAt, Long revision) {
		this(id, districtId, familyId, version, status, title, summary, criteria, artwork, tags, alignments, validFor,
				scale, proposalRequired, tiers, libraryKey, createdAt, publishedAt, revision, null, null);
	}

	/**
	 * This version as a reader of the language sees it: for Spanish, the district's Spanish name, description,
	 * criteria and tier and requirement texts wherever it gave them (the rest as written); otherwise this version.
	 * Only for showing: Open Badges documents are built from the version itself, in its author's language.
	 */
	public Template in(Language language) {
		if (language != Language.ES || es == null) {
			return this;
		}
		return new Template(id, districtId, familyId, version, status, TemplateTranslation.or(es.title(), title),
				TemplateTranslation.or(es.summary(), summary), TemplateTranslation.or(es.criteria(), criteria), artwork,
				tags, alignments, validFor, scale, proposalRequired, tiers.stream().map(this::translated).toList(),
				libraryKey, createdAt, publishedAt, revision,
				renewal == null || renewal.tier() == null ? renewal
						: new RenewalPath(renewal.kind(), translated(renewal.tier())),
				es);
	}

	private Tier translated(Tier tier) {
		return es.tier(tier.key()).map(text -> new Tier(tier.key(), TemplateTranslation.or(text.title(), tier.title()),
				TemplateTranslation.or(text.description(), tier.description()), tier.requires(),
				tier.awardedSeparately(), tier.stipendCents(), tier.fundingSource(), tier.estimatedHours(),
				tier.credits(), tier.requirements().stream().map(r -> text.requirement(r.key())
					.map(rt -> new Requirement(r.key(), r.kind(), TemplateTranslation.or(rt.title(), r.title()),
							TemplateTranslation.or(rt.prompt(), r.prompt()), r.minWords(), r.maxWords(),
							r.minSeconds(), r.maxSeconds(), r.allowedKinds(), r.minItems(), r.maxItems(),
							r.criteria(), r.passRule()))
					.orElse(r)).toList(), tier.pay()))
			.orElse(tier);
	}

	/** Whether a teacher may renew a badge of this version themselves. */
	public boolean renewable() {
		return renewal != null && validFor != null
				&& (renewal.kind() == RenewalPath.Kind.FULL || renewal.tier() != null);
	}

	/**
	 * The tiers an enrolment works through: the ordinary ones, or for a renewal the renewal tier (or every tier
	 * again when the renewal path is the full microcredential).
	 */
	public List<Tier> tiersFor(boolean renewal) {
		if (!renewal) {
			return tiers;
		}
		return this.renewal != null && this.renewal.kind() == RenewalPath.Kind.TIER && this.renewal.tier() != null
				? List.of(this.renewal.tier()) : tiers;
	}

	/** A tier of an ordinary or a renewal enrolment: a renewal tier belongs to renewals only. */
	public Optional<Tier> tier(String key, boolean renewal) {
		return tiersFor(renewal).stream().filter(t -> t.key().equals(key)).findFirst();
	}

	public Optional<Tier> tier(String key) {
		return tiers.stream().filter(t -> t.key().equals(key)).findFirst();
	}

	/**
	 * The name a badge of this template carries, the one rule for its BadgeClass, mail, portfolio and bulk awards:
	 * the template's title, or "title: tier title" for a tier awarded on its own.
	 */
	public String badgeName(String tierKey) {
		return tierKey == null ? title : tier(tierKey).map(t -> title + ": " + t.title()).orElse(title);
	}

	/** The sum of every tier's stipend: what approval commits against the budget. */
	public long totalStipendCents() {
		return tiers.stream().mapToLong(Tier::stipendCents).sum();
	}

}
