package org.cairn.system;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;

/**
 * Reads a request's {@code Accept} header for endpoints that answer both people and machines (a hosted badge, a
 * verification report). Browsers and link-preview crawlers name {@code text/html} explicitly; API clients name a
 * JSON type or nothing, so a bare wildcard means JSON.
 */
public final class AcceptHeader {

	private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	private AcceptHeader() {
	}

	/** True when {@code text/html} ranks above every JSON type (JSON or JSON-LD) the client accepts. */
	public static boolean prefersHtml(List<MediaType> accept) {
		List<MediaType> byQuality = accept.stream()
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.toList();
		for (MediaType type : byQuality) {
			if (type.isWildcardType()) {
				return false;
			}
			if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardSubtype()) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(LD_JSON)) {
				return false;
			}
		}
		return false;
	}

	/**
	 * True when an endpoint writing JSON answers {@code application/json} to this {@code Accept}: none, or only
	 * {@code application/json} and {@code * / *}, with no parameter but a non-zero quality. Anything else (JSON-LD,
	 * HTML, a charset) is for the framework's negotiation; used to send JSON written beforehand only where it would.
	 */
	public static boolean plainJson(List<MediaType> accept) {
		for (MediaType type : accept) {
			boolean json = type.getType().equals("application") && type.getSubtype().equals("json");
			int parameters = type.getParameters().size() - (type.getParameter("q") == null ? 0 : 1);
			if (!(json || type.isWildcardType()) || parameters > 0 || type.getQualityValue() == 0) {
				return false;
			}
		}
		return true;
	}

}
