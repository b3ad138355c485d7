package org.cairn.openbadges;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An Open Badges 2.0 Endorsement (spec "Endorsement"): an issuer's claim about another issuer, badge class or
 * assertion, named by {@code claim.id}, with the endorser's {@code endorsementComment}. Hosted at its {@code id} or
 * signed like an assertion ({@code verification}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "type", "id", "claim", "issuedOn", "issuer", "verification" })
public record Endorsement(@JsonProperty("@context") String context, String type, String id, Claim claim,
		String issuedOn, String issuer, VerificationObject verification) {

	public static final String TYPE = "Endorsement";

	public static Endorsement of(String id, String claimId, String comment, String issuedOn, String issuer,
			VerificationObject verification) {
		return new Endorsement(Conventions.CONTEXT_V2, TYPE, id, new Claim(claimId, comment), issuedOn, issuer,
				verification);
	}

	/** What is endorsed, by id, and the endorser's words about it (plain text). */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Claim(String id, String endorsementComment) {
	}

}
