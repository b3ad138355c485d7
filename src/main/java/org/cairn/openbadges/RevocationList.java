package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The issuer's revoked assertions (spec "RevocationList"), each by {@code id} with its published reason. */
@JsonPropertyOrder({ "@context", "type", "id", "issuer", "revokedAssertions" })
public record RevocationList(@JsonProperty("@context") String context, String type, String id, String issuer,
		List<Revoked> revokedAssertions) {

	public static RevocationList of(String id, String issuer, List<Revoked> revoked) {
		return new RevocationList(Conventions.CONTEXT_V2, Ob.REVOCATION_LIST, id, issuer, List.copyOf(revoked));
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Revoked(String id, String revocationReason) {
	}

}
