package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A public document ready to serve: its bytes, status (410 for a revoked hosted assertion), strong ETag, and what
 * its HTML page and link previews show.
 */
record Rendered(String districtId, int status, byte[] json, String etag, Page page) {

	static Rendered of(String districtId, int status, String json, Page page) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return new Rendered(districtId, status, bytes, etag(bytes), page);
	}

	private static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param kind what the page is about ("Badge", "Issuer", ...)
	 * @param expires when an assertion expires (null: never), so the page can say "expired" at the time it is viewed
	 */
	record Page(String kind, String title, String description, String image, String url, String issuerName,
			String recipientName, Instant issuedOn, Instant expires, boolean revoked, String revocationReason) {
	}

}
