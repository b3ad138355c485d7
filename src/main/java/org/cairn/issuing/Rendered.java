package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.cairn.language.Language;
import org.cairn.system.EntityTag;

/**
 * A public document ready to serve: its bytes, status (410 for a revoked hosted assertion), strong ETag of the
 * JSON-LD bytes, and what its HTML page and link previews show.
 */
record Rendered(String districtId, int status, byte[] json, EntityTag tag, Page page) {

	static Rendered of(String districtId, int status, String json, Page page) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return new Rendered(districtId, status, bytes, EntityTag.of(bytes), page);
	}

	/**
	 * @param kind what the page is about ("Badge", "Issuer", ...)
	 * @param expires when an assertion expires (null: never), so the page can say "expired" at the time it is viewed
	 * @param reissuedAs the URL of the assertion that re-issued this one, or null
	 * @param replaces the URL of the assertion this one re-issued, or null
	 * @param es the badge's name, description and criteria in the district's Spanish wording, or null
	 */
	record Page(String kind, String title, String description, String image, String url, String issuerName,
			String recipientName, Instant issuedOn, Instant expires, boolean revoked, String revocationReason,
			String reissuedAs, String replaces, Wording es) {

		Page(String kind, String title, String description, String image, String url, String issuerName,
				String recipientName, Instant issuedOn, Instant expires, boolean revoked, String revocationReason,
				String reissuedAs, String replaces) {
			this(kind, title, description, image, url, issuerName, recipientName, issuedOn, expires, revoked,
					revocationReason, reissuedAs, replaces, null);
		}

		/** The page as a reader of the language sees it: the Spanish wording for Spanish, where there is one. */
		Page in(Language language) {
			return language != Language.ES || es == null ? this
					: new Page(kind, es.title(), es.description(), image, url, issuerName, recipientName, issuedOn,
							expires, revoked, revocationReason, reissuedAs, replaces, es);
		}

		Page(String kind, String title, String description, String image, String url, String issuerName,
				String recipientName, Instant issuedOn, Instant expires, boolean revoked, String revocationReason) {
			this(kind, title, description, image, url, issuerName, recipientName, issuedOn, expires, revoked,
					revocationReason, null, null);
		}

	}

	/** A badge's name, description and criteria narrative in another language than its documents'. */
	record Wording(String title, String description, String criteria) {
	}

}
