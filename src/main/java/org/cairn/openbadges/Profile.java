package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An issuer Profile (spec "Profile"): id, type, name, url and email are required for issuers. {@code publicKey}
 * lists every key ever used (rotated-out ones too) so earlier signed badges keep verifying.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "type", "id" })
public record Profile(@JsonProperty("@context") String context, String type, String id, String name, String url,
		String email, String description, String image, List<String> publicKey, VerificationObject verification,
		String revocationList, List<String> endorsement) {

	public static Profile issuer(String id, String name, String url, String email, String description, String image,
			List<String> publicKey, VerificationObject verification, String revocationList) {
		return new Profile(Conventions.CONTEXT_V2, Ob.ISSUER, id, name, url, email, description, image, publicKey,
				verification, revocationList, null);
	}

	/** The same profile listing the endorsements of the issuer its district accepted (spec "Profile": endorsement). */
	public Profile withEndorsement(List<String> urls) {
		return new Profile(context, type, id, name, url, email, description, image, publicKey, verification,
				revocationList, urls.isEmpty() ? null : List.copyOf(urls));
	}

}
