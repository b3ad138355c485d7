package org.cairn.verification;

/**
 * What a client asked to verify: one of a URL, assertion JSON (text), a compact JWS or an uploaded file, and
 * optionally the recipient's email to compare with the assertion's identity.
 */
record Submission(Source source, String text, byte[] file, String recipient) {

	enum Source {

		URL, ASSERTION, JWS, FILE

	}

	static Submission url(String url, String recipient) {
		return new Submission(Source.URL, url, null, recipient);
	}

	static Submission assertion(String json, String recipient) {
		return new Submission(Source.ASSERTION, json, null, recipient);
	}

	static Submission jws(String jws, String recipient) {
		return new Submission(Source.JWS, jws, null, recipient);
	}

	static Submission file(byte[] bytes, String recipient) {
		return new Submission(Source.FILE, null, bytes, recipient);
	}

}
