package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.cairn.openbadges.OpenBadgeCredential.CredentialStatus;
import org.cairn.openbadges.OpenBadgeCredential.DataIntegrityProof;
import org.cairn.openbadges.OpenBadgeCredential.Profile;

/**
 * An Open Badges 3.0 EndorsementCredential (spec "EndorsementCredential"): a Verifiable Credential whose
 * {@link EndorsementSubject} names the endorsed issuer profile or achievement by id, with the endorser's comment. Signed
 * like an OpenBadgeCredential (an embedded {@code eddsa-rdfc-2022} proof); withdrawal shows in the endorser's
 * {@code 1EdTechRevocationList}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "id", "type", "name", "issuer", "validFrom", "credentialSubject", "credentialStatus",
		"proof" })
public record EndorsementCredential(@JsonProperty("@context") List<String> context, String id, List<String> type,
		String name, Profile issuer, String validFrom, EndorsementSubject credentialSubject,
		CredentialStatus credentialStatus, List<DataIntegrityProof> proof) {

	public static final String TYPE = "EndorsementCredential";

	public static EndorsementCredential unsigned(String id, String name, Profile issuer, String validFrom,
			String endorsedId, String comment, String revocationListUrl) {
		return new EndorsementCredential(OpenBadgeCredential.CONTEXT, id, List.of("VerifiableCredential", TYPE), name,
				issuer, validFrom, new EndorsementSubject(endorsedId, List.of("EndorsementSubject"), comment),
				new CredentialStatus(revocationListUrl, OpenBadgeCredential.REVOCATION_LIST), null);
	}

	/** With its proof as a list of one, as 1EdTech's schema wants (it validates endorsements inside a badge too). */
	public EndorsementCredential withProof(DataIntegrityProof value) {
		return new EndorsementCredential(context, id, type, name, issuer, validFrom, credentialSubject,
				credentialStatus, List.of(value));
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "id", "type", "endorsementComment" })
	public record EndorsementSubject(String id, List<String> type, String endorsementComment) {
	}

}
