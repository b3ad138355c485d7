package org.cairn.verification;

/**
 * What a client asked to verify: one of a URL, assertion JSON (text), a compact JWS or an uploaded file, and
 * optionally the recipient's email to compare with the assertion's identity.
 */
record VerificationRequest(Source source, String text, byte[] file, String recipient) {

	enum Source {

		URL, ASSERTION, JWS, FILE

	}

	static VerificationRequest url(String url, String recipient) {
		return new VerificationRequest(Source.URL, url, null, recipient);
	}

	static VerificationRequest assertion(String json, String recipient) {
		return new VerificationRequest(Source.ASSERTION, json, null, recipient);
	}

	static VerificationRequest jws(String jws, String recipient) {
		return new VerificationRequest(Source.JWS, jws, null, recipient);
	}

	static VerificationRequest file(byte[] bytes, String recipient) {
		return new VerificationRequest(Source.FILE, null, bytes, recipient);
	}

}
