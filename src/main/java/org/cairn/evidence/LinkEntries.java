package org.cairn.evidence;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a teacher may enter for a "link or cite" requirement: a web address (http or https, a host, no user name or
 * password) or, for a book or article without one, a citation naming the author and the title. A pure rule.
 */
final class LinkEntries {

	private LinkEntries() {
	}

	/** What is wrong with the entry, in words for the teacher; null when it is fine. */
	static String problem(String entry) {
		return looksLikeAddress(entry) ? linkProblem(entry) : citationProblem(entry);
	}

	/** An entry that starts like a web address is checked as one; anything else is a citation. */
	static boolean looksLikeAddress(String entry) {
		// "javascript:…", "ftp://…" and "www.…" are addresses (and refused unless http); "Hattie: Visible …" is not
		return entry.matches("(?is)^[a-z][a-z0-9+.-]*:(?!\\s).*") || entry.regionMatches(true, 0, "www.", 0, 4);
	}

	/** A citation names at least an author or title in a few words: "Hattie, J. (2009). Visible Learning." */
	private static String citationProblem(String citation) {
		if (citation.isEmpty()) {
			return "add a web address or a citation";
		}
		if (citation.length() > 500) {
			return "a citation of at most 500 characters";
		}
		if (citation.length() < 10 || !citation.matches("(?s).*\\p{L}{2,}.*\\s.*\\p{L}{2,}.*")) {
			return "a citation names the author and the title, such as: Hattie, J. (2009). Visible Learning";
		}
		return null;
	}

	private static String linkProblem(String url) {
		if (url.regionMatches(true, 0, "www.", 0, 4)) {
			return "must start with http:// or https://";
		}
		if (url.isEmpty() || url.length() > 2000) {
			return "a URL of at most 2000 characters";
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return "must start with http:// or https://";
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				return "must name a host";
			}
			if (uri.getRawUserInfo() != null) {
				return "must not carry a user name or password";
			}
			return null;
		}
		catch (URISyntaxException ex) {
			return "is not a valid URL";
		}
	}

}
