package org.cairn.endorsement;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One endorsement as made: both signed documents exactly as served, who made it, what it endorses and where that
 * stands. An endorsement of another Cairn district waits for that district's decision ({@link Decision#PENDING});
 * one of an issuer elsewhere has no decision to wait for ({@link Decision#EXTERNAL}).
 *
 * @param key unique while the endorsement stands: {@code endorserDistrictId|claimId}, so endorsing the same thing
 *     again (a retried request) finds this one; on withdrawal it becomes {@code …|withdrawn:<id>}
 * @param claimId what the 2.0 Endorsement's {@code claim.id} names (a BadgeClass or 2.0 issuer id)
 * @param subjectId what the 3.0 EndorsementSubject's {@code id} names (the Achievement or 3.0 Profile id)
 * @param targetDistrictId the endorsed Cairn district, or null for an issuer elsewhere
 * @param document the 2.0 Endorsement JSON-LD
 * @param jws the compact JWS of {@code document} when the endorser signs, else null
 * @param credential the 3.0 EndorsementCredential with its eddsa-rdfc-2022 proof
 */
@Document("endorsements")
record StoredEndorsement(@Id String id, @Indexed(unique = true) String key, @Indexed String endorserDistrictId,
		String endorserIssuerId, String endorserName, TargetKind targetKind, @Indexed String claimId,
		@Indexed String subjectId, String targetName, @Indexed String targetDistrictId, String targetDistrictName,
		String comment, Instant issuedOn, String document, String jws, String credential, Decision decision,
		Instant decidedAt, Instant withdrawnAt, String withdrawalReason) {

	static String key(String endorserDistrictId, String claimId) {
		return endorserDistrictId + "|" + claimId;
	}

	boolean withdrawn() {
		return withdrawnAt != null;
	}

	/** What the endorsed district decided. */
	enum Decision {
		PENDING, ACCEPTED, HIDDEN, EXTERNAL
	}

	enum TargetKind {
		BADGE_CLASS, ISSUER
	}

}
