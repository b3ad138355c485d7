package org.cairn.credential;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.cairn.issuing.IssuedBadge;
import org.cairn.openbadges.AssessmentExtension;
import org.cairn.openbadges.BadgeClass;
import org.cairn.openbadges.OpenBadgeCredential;
import org.cairn.openbadges.OpenBadgeCredential.Achievement;
import org.cairn.openbadges.OpenBadgeCredential.AchievementSubject;
import org.cairn.openbadges.OpenBadgeCredential.Alignment;
import org.cairn.openbadges.OpenBadgeCredential.Criteria;
import org.cairn.openbadges.OpenBadgeCredential.IdentityObject;
import org.cairn.openbadges.OpenBadgeCredential.Image;
import org.cairn.openbadges.OpenBadgeCredential.Profile;
import org.cairn.openbadges.OpenBadgeCredential.ResultDescription;
import org.cairn.openbadges.OpenBadgeCredential.RubricCriterionLevel;
import org.cairn.template.RubricScale;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Restates an issued 2.0 badge in Open Badges 3.0 terms: the BadgeClass becomes the Achievement (same id, name,
 * description, criteria, image, alignments, tags), its rubric (the 2.0 Assessment Extension) becomes result
 * descriptions with rubric levels, the 2.0 Issuer becomes a Profile.
 */
@Component
class CredentialMapping {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CredentialUrls urls;

	CredentialMapping(CredentialUrls urls) {
		this.urls = urls;
	}

	/** @param endorsements the accepted EndorsementCredentials of the achievement, embedded as they are */
	OpenBadgeCredential unsigned(IssuedBadge badge, List<JsonNode> endorsements) {
		Achievement achievement = achievement(badge).withEndorsement(endorsements);
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		AchievementSubject subject = AchievementSubject.of(
				List.of(IdentityObject.hashedEmail(badge.recipientEmail(), HexFormat.of().formatHex(salt))),
				achievement);
		List<OpenBadgeCredential.Evidence> evidence = badge.evidence().stream()
			.map(e -> OpenBadgeCredential.Evidence.of(e.id(), e.name(), e.narrative(), e.genre()))
			.toList();
		return OpenBadgeCredential.unsigned(urls.credential(badge.assertionId()), achievement.name(),
				achievement.description(), profile(badge.issuerId(), badge.issuer()), badge.issuedOn().toString(),
				badge.expires() == null ? null : badge.expires().toString(), subject, evidence,
				urls.revocations(badge.issuerId()));
	}

	Profile profile(String issuerId, org.cairn.openbadges.Profile v2) {
		return Profile.embedded(urls.profile(issuerId), v2.name(), v2.url(), v2.email(), v2.description(),
				Image.of(v2.image(), v2.name()));
	}

	private static Achievement achievement(IssuedBadge issued) {
		BadgeClass badge = issued.badge();
		List<Alignment> alignment = badge.alignment() == null ? List.of()
				: badge.alignment().stream()
					.map(a -> Alignment.of(a.targetName(), a.targetUrl(), a.targetDescription(), a.targetFramework(),
							a.targetCode()))
					.toList();
		return Achievement.microCredential(badge.id(), badge.name(), badge.description(),
				new Criteria(badge.criteria().id(), badge.criteria().narrative()), Image.of(badge.image(), badge.name()),
				alignment, results(badge.assessment(), issued.template().scale()), badge.tags(), badge.version(), null);
	}

	/**
	 * One result description per rubric criterion: its levels (quality and descriptor) in order, and the passing
	 * level as {@code requiredLevel}. Identifiers are the 2.0 extension's stable UUIDs as {@code urn:uuid:} IRIs.
	 */
	private static List<ResultDescription> results(AssessmentExtension assessment, RubricScale scale) {
		if (assessment == null) {
			return List.of();
		}
		int passing = scale == null ? RubricScale.twoLevel().passingLevel() : scale.passingLevel();
		List<ResultDescription> results = new ArrayList<>();
		for (AssessmentExtension.Assessment a : assessment.assessments()) {
			for (AssessmentExtension.Rubric rubric : a.rubrics()) {
				for (AssessmentExtension.Criterion criterion : rubric.rubricCriteria()) {
					List<RubricCriterionLevel> levels = criterion.criterionLevels().stream()
						.map(l -> RubricCriterionLevel.of("urn:uuid:" + l.identifier(), l.quality(), l.description(),
								null))
						.toList();
					String required = levels.isEmpty() ? null : levels.get(Math.min(passing, levels.size() - 1)).id();
					results.add(ResultDescription.rubric("urn:uuid:" + criterion.identifier(),
							rubric.title() + ": " + criterion.description(), levels, required));
				}
			}
		}
		return results;
	}

}
