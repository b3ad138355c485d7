package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.cairn.district.District;
import org.cairn.keys.Keys;
import org.cairn.keys.SigningKey;
import org.cairn.openbadges.AlignmentObject;
import org.cairn.openbadges.AssessmentExtension;
import org.cairn.openbadges.BadgeClass;
import org.cairn.openbadges.Criteria;
import org.cairn.openbadges.CryptographicKey;
import org.cairn.openbadges.Ob;
import org.cairn.openbadges.Profile;
import org.cairn.openbadges.VerificationObject;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricScale;
import org.cairn.template.Template;
import org.cairn.template.Tier;

import org.springframework.stereotype.Component;

/** Maps districts, templates and keys to the Open Badges records served publicly. */
@Component
class BadgeDocuments {

	private final PublicUrls urls;

	private final Keys keys;

	BadgeDocuments(PublicUrls urls, Keys keys) {
		this.urls = urls;
		this.keys = keys;
	}

	/**
	 * The issuer Profile. {@code publicKey} lists every key that has signed and is not revoked: a rotated-out key stays
	 * (earlier badges keep verifying) while a revoked one is unlinked, and verifiers must not trust a key the profile
	 * does not link (spec "SignedBadge Verification", step 4).
	 */
	Profile issuer(IssuerRecord issuer, District district, List<SigningKey> districtKeys) {
		List<String> publicKeys = districtKeys.stream().filter(k -> !k.revoked()).map(k -> keys.keyUrl(k.id())).toList();
		return Profile.issuer(urls.issuer(issuer.id()), district.name(), district.url(), district.email(),
				district.description(), district.logo(), publicKeys,
				VerificationObject.forIssuer(List.of(urls.authority()), null), urls.revocations(issuer.id()));
	}

	CryptographicKey key(SigningKey key, IssuerRecord owner) {
		Object context = key.revoked() ? List.of(org.cairn.openbadges.Conventions.CONTEXT_V2,
				java.util.Map.of("revoked", java.util.Map.of("@id", CryptographicKey.SEC_REVOKED, "@type",
						"http://www.w3.org/2001/XMLSchema#dateTime")))
				: org.cairn.openbadges.Conventions.CONTEXT_V2;
		return new CryptographicKey(context, Ob.CRYPTOGRAPHIC_KEY, keys.keyUrl(key.id()), urls.issuer(owner.id()),
				key.publicKeyPem(), key.revoked() ? key.revokedAt().toString() : null);
	}

	BadgeClass badge(BadgeClassRecord record, Template template, IssuerRecord issuer) {
		Tier tier = record.tierKey() == null ? null : template.tier(record.tierKey()).orElse(null);
		String name = template.badgeName(tier == null ? null : tier.key());
		String description = tier == null || tier.description() == null || tier.description().isBlank()
				? orDefault(template.summary(), name) : tier.description();
		String narrative = criteriaNarrative(template, tier == null ? template.tiers() : List.of(tier));
		if (!issuer.showStipend()) {
			description = orDefault(PublicMoney.strip(description), name);
			narrative = PublicMoney.strip(narrative);
		}
		List<AlignmentObject> alignment = template.alignments().stream()
			.map(a -> new AlignmentObject(a.targetName(), a.targetUrl(), a.targetDescription(), a.targetFramework(),
					a.targetCode()))
			.toList();
		List<String> tags = template.tags() == null ? List.of()
				: Stream.of(template.tags().subjects(), template.tags().gradeBands(), template.tags().topics())
					.flatMap(List::stream)
					.distinct()
					.toList();
		List<Tier> tiers = tier == null ? template.tiers() : List.of(tier);
		return BadgeClass.of(urls.badge(record.id()), name, description, urls.badgeImage(record.id()),
				new Criteria(urls.criteria(record.id()), narrative), urls.issuer(issuer.id()),
				alignment, tags, String.valueOf(template.version()), assessment(template, tiers));
	}

	private static String criteriaNarrative(Template template, List<Tier> tiers) {
		StringBuilder text = new StringBuilder(orDefault(template.criteria(), ""));
		for (Tier tier : tiers) {
			text.append(text.isEmpty() ? "" : "\n\n").append("## ").append(tier.title());
			for (Requirement r : tier.requirements()) {
				text.append("\n- **").append(r.title()).append("**");
				if (r.prompt() != null && !r.prompt().isBlank()) {
					text.append(": ").append(r.prompt());
				}
			}
		}
		return text.toString();
	}

	/**
	 * The rubric through the Assessment Extension: one assessment per scored requirement, its criteria as a rubric
	 * whose levels are the template's scale with each level's descriptor.
	 */
	private static AssessmentExtension assessment(Template template, List<Tier> tiers) {
		RubricScale scale = template.scale() == null ? RubricScale.twoLevel() : template.scale();
		List<AssessmentExtension.Assessment> assessments = new ArrayList<>();
		for (Tier tier : tiers) {
			for (Requirement r : tier.requirements()) {
				if (r.criteria().isEmpty()) {
					continue;
				}
				List<AssessmentExtension.Criterion> criteria = new ArrayList<>();
				for (int c = 0; c < r.criteria().size(); c++) {
					var criterion = r.criteria().get(c);
					List<AssessmentExtension.Level> levels = new ArrayList<>();
					for (int l = 0; l < scale.levels().size(); l++) {
						String descriptor = l < criterion.descriptors().size() ? criterion.descriptors().get(l)
								: scale.levels().get(l);
						levels.add(new AssessmentExtension.Level(
								uuid(template.id(), tier.key(), r.key(), criterion.key(), "level", String.valueOf(l)),
								scale.levels().get(l), descriptor, l + 1));
					}
					criteria.add(new AssessmentExtension.Criterion(
							uuid(template.id(), tier.key(), r.key(), criterion.key()), criterion.name(), c + 1, levels));
				}
				String passing = scale.levels().isEmpty() ? ""
						: " Passing is " + scale.levels().get(Math.min(scale.passingLevel(), scale.levels().size() - 1))
								+ " or above.";
				assessments.add(new AssessmentExtension.Assessment(
						r.kind() == RequirementKind.VIDEO ? "Performance" : "Artifact",
						orDefault(r.prompt(), r.title()), outputOf(r.kind()), false, false,
						"Scored by a trained assessor on the " + scale.name() + " scale ("
								+ String.join(", ", scale.levels()) + ")." + passing,
						List.of(new AssessmentExtension.Rubric(uuid(template.id(), tier.key(), r.key()), r.title(),
								criteria))));
			}
		}
		return assessments.isEmpty() ? null
				: AssessmentExtension.of("Classroom evidence scored against the microcredential's rubric.", assessments);
	}

	private static String outputOf(RequirementKind kind) {
		return switch (kind) {
			case REFLECTION -> "Written or recorded reflection";
			case VIDEO -> "Classroom video";
			case ARTIFACTS -> "Classroom artifacts and student work";
			case LINKS -> "Linked resources";
			case DATA -> "Student data set";
			case PROPOSAL -> "Learning proposal and implementation plan";
		};
	}

	/** Stable lower-case UUIDs (the extension's identifier format) derived from the template's own keys. */
	private static String uuid(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
