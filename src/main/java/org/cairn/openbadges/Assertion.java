package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An awarded badge (spec "Assertion"). {@code badge} is the BadgeClass IRI; dates are ISO 8601 with a UTC
 * designator. A revoked hosted assertion is answered with only {@code id}, {@code revoked} and
 * {@code revocationReason} (spec "Revoking Hosted Assertions").
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "type", "id", "recipient", "badge", "issuedOn", "expires", "image", "evidence",
		"narrative", "verification", "revoked", "revocationReason", RenewalExtension.PROPERTY })
public record Assertion(@JsonProperty("@context") String context, String type, String id, IdentityObject recipient,
		String badge, String issuedOn, String expires, String image, List<Evidence> evidence, String narrative,
		VerificationObject verification, Boolean revoked, String revocationReason,
		@JsonProperty(RenewalExtension.PROPERTY) RenewalExtension renewal) {

	public static Assertion issued(String id, IdentityObject recipient, String badge, String issuedOn, String expires,
			String image, List<Evidence> evidence, VerificationObject verification) {
		return new Assertion(Conventions.CONTEXT_V2, Ob.ASSERTION, id, recipient, badge, issuedOn, expires, image,
				evidence, null, verification, null, null, null);
	}

	/** The same assertion with a narrative (spec: "A narrative that connects multiple pieces of evidence"…). */
	public Assertion withNarrative(String text) {
		return new Assertion(context, type, id, recipient, badge, issuedOn, expires, image, evidence, text, verification,
				revoked, revocationReason, renewal);
	}

	public static Assertion revoked(String id, String reason) {
		return new Assertion(Conventions.CONTEXT_V2, Ob.ASSERTION, id, null, null, null, null, null, null, null, null,
				true, reason, null);
	}

	/** The assertion of a renewed badge, naming the one it renews (Cairn's renewal extension). */
	public Assertion renewing(RenewalExtension value) {
		return new Assertion(context, type, id, recipient, badge, issuedOn, expires, image, evidence, narrative,
				verification, revoked, revocationReason, value);
	}

}
