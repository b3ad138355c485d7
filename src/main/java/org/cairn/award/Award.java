package org.cairn.award;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A passed tier or microcredential that earns a badge.
 *
 * @param awardKey unique: {@code enrollmentId + ":" + tierKey}, or {@code bulk:<badgeId>:<email>} for bulk awards,
 * so a retried pass or a re-run job never awards twice
 * @param tierKey the tier passed when it is awarded on its own; null for the whole microcredential
 * @param publicEvidenceIds evidence the teacher chose to publish with the badge
 * @param assertionId set by issuing once the Open Badges assertion exists
 */
@Document("awards")
public record Award(@Id String id, @Indexed(unique = true) String awardKey, @Indexed String districtId,
		@Indexed String personId, String enrollmentId, String templateId, String tierKey, long stipendCents,
		Instant awardedAt, List<String> publicEvidenceIds, @Indexed String assertionId, @Version Long version) {

	public Award {
		publicEvidenceIds = publicEvidenceIds == null ? List.of() : List.copyOf(publicEvidenceIds);
	}

}
