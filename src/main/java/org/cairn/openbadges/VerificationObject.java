package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How to verify (spec "VerificationObject"): {@code hosted} or {@code signed} with the signing key's {@code creator}
 * URL in an Assertion; {@code VerificationObject} with {@code allowedOrigins}/{@code startsWith} in an issuer Profile.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VerificationObject(String type, String creator, List<String> allowedOrigins, List<String> startsWith) {

	public static VerificationObject hosted() {
		return new VerificationObject(Ob.HOSTED, null, null, null);
	}

	public static VerificationObject signed(String creatorKeyUrl) {
		return new VerificationObject(Ob.SIGNED, creatorKeyUrl, null, null);
	}

	public static VerificationObject forIssuer(List<String> allowedOrigins, List<String> startsWith) {
		return new VerificationObject("VerificationObject", null, allowedOrigins, startsWith);
	}

}
