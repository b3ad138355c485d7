package org.cairn.openbadges;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A public signing key (spec "CryptographicKey"): {@code owner} is the issuer Profile id, which lists this key in
 * its {@code publicKey}. {@code revoked} (the security vocabulary's key revocation timestamp, {@code sec:revoked})
 * is set only for a compromised key; badges signed with it must not verify.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "type", "id", "owner", "publicKeyPem" })
public record CryptographicKey(@JsonProperty("@context") Object context, String type, String id, String owner,
		String publicKeyPem, String revoked) {

	/** The security vocabulary term for key revocation, added to the context only when a key is revoked. */
	public static final String SEC_REVOKED = "https://w3id.org/security#revoked";

}
