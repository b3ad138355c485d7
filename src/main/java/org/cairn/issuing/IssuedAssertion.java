package org.cairn.issuing;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An issued assertion. Issued once and never edited except to revoke it: reinstatement issues a new one.
 *
 * @param issueKey unique: {@code award:<awardId>}, {@code reinstate:<revokedId>} or the bulk award key, so a retried
 * issue never creates a second assertion
 * @param document the assertion JSON exactly as issued (for a signed badge, the JWS payload)
 * @param jws the compact JWS for a signed badge; null for hosted
 * @param publishedEvidence the evidence published with it, each under its own unguessable public id
 * @param searchWords what the administrator's search looks a recipient up by ({@link RecipientWords}), each
 * after the district's id: derived, stored so an index answers the search; sparse, so declaring it on a store
 * of assertions that have none yet costs no entries (they get theirs from {@code SearchWordsBackfill})
 * @param searchVersion which {@link RecipientWords} rule made them: assertions stored before have none, and
 * {@code SearchWordsBackfill} finds them through its index
 * @param renews the assertion this one renews (a renewal of an expiring badge); null otherwise
 * @param replacedBy the assertion that re-issued this one to another address of the same person (this one is then
 * revoked with the reason {@link #REISSUED}); null otherwise
 */
@Document(IssuedAssertion.COLLECTION)
@CompoundIndex(name = "district_issued", def = "{'districtId': 1, 'issuedOn': -1}")
@CompoundIndex(name = "district_expires", def = "{'districtId': 1, 'expires': 1}")
@CompoundIndex(name = "published_evidence", def = "{'publishedEvidence.publicId': 1}")
@CompoundIndex(name = "search_version", def = "{'searchVersion': 1}")
public record IssuedAssertion(@Id String id, @Indexed(unique = true) String issueKey, String districtId, String awardId,
		@Indexed String personId, String recipientEmail, String recipientName, String badgeClassId,
		String templateId, String tierKey, long stipendCents, VerificationMode mode, String keyId, Instant issuedOn, Instant expires,
		String document, String jws, Instant revokedAt, String revocationReason, String replaces,
		List<PublishedEvidenceLink> publishedEvidence,
		@Indexed(name = "search_words", sparse = true) List<String> searchWords, Integer searchVersion,
		String renews, String replacedBy) {

	static final String COLLECTION = "issuing_assertions";

	/** The revocation reason of an assertion re-issued to another address of its recipient. */
	public static final String REISSUED = "reissued";

	@PersistenceCreator
	public IssuedAssertion {
		publishedEvidence = publishedEvidence == null ? List.of() : List.copyOf(publishedEvidence);
		searchWords = RecipientWords.of(districtId, recipientName, recipientEmail); // always from what it carries
		searchVersion = RecipientWords.VERSION;
	}

	public IssuedAssertion(String id, String issueKey, String districtId, String awardId, String personId,
			String recipientEmail, String recipientName, String badgeClassId, String templateId, String tierKey,
			long stipendCents, VerificationMode mode, String keyId, Instant issuedOn, Instant expires, String document,
			String jws, Instant revokedAt, String revocationReason, String replaces,
			List<PublishedEvidenceLink> publishedEvidence) {
		this(id, issueKey, districtId, awardId, personId, recipientEmail, recipientName, badgeClassId, templateId,
				tierKey, stipendCents, mode, keyId, issuedOn, expires, document, jws, revokedAt, revocationReason,
				replaces, publishedEvidence, null, null, null, null);
	}

	public boolean revoked() {
		return revokedAt != null;
	}

}

