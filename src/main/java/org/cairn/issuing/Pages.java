package org.cairn.issuing;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML side of the public documents: a page for people, with Open Graph and Twitter card tags so a shared link
 * previews with the badge image in LinkedIn, Slack or an email client.
 */
@Component
class Pages {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	Pages(Clock clock) {
		this.clock = clock;
	}

	String page(Rendered rendered, String jsonUrl) {
		Rendered.Page p = rendered.page();
		String state = state(p);
		StringBuilder body = new StringBuilder();
		body.append("<main><p class=\"kind\">").append(esc(p.kind())).append("</p>");
		if (p.image() != null) {
			body.append("<img src=\"").append(esc(p.image())).append("\" alt=\"").append(esc(p.title()))
				.append("\" width=\"200\" height=\"200\">");
		}
		body.append("<h1>").append(esc(p.title())).append("</h1>");
		if (state != null) {
			body.append("<p class=\"status ").append(state.startsWith("Valid") ? "valid" : "invalid").append("\">")
				.append(esc(state)).append("</p>");
		}
		if (p.recipientName() != null) {
			body.append("<p>Awarded to <strong>").append(esc(p.recipientName())).append("</strong></p>");
		}
		if (p.issuerName() != null) {
			body.append("<p>Issued by ").append(esc(p.issuerName()));
			if (p.issuedOn() != null) {
				body.append(" on ").append(DATE.format(p.issuedOn()));
			}
			body.append("</p>");
		}
		if (p.expires() != null) {
			body.append("<p>Expires ").append(DATE.format(p.expires())).append("</p>");
		}
		if (p.reissuedAs() != null) {
			body.append("<p class=\"reissued\">Re-issued to another address of the same person: <a href=\"")
				.append(esc(p.reissuedAs())).append("\">see the current badge</a></p>");
		}
		if (p.replaces() != null) {
			body.append("<p class=\"reissued\">Re-issued from <a href=\"").append(esc(p.replaces()))
				.append("\">an earlier badge</a> of the same person</p>");
		}
		if (p.description() != null) {
			body.append("<p>").append(esc(p.description())).append("</p>");
		}
		body.append("<p><a href=\"").append(esc(jsonUrl)).append("\" type=\"application/ld+json\">Open Badges data</a></p>");
		body.append("</main>");
		return document(p.title() + (state != null && !state.startsWith("Valid") ? " (" + state + ")" : ""),
				p.description(), p.image(), p.url(), body.toString());
	}

	/** The public criteria page of a BadgeClass, built from its JSON-LD. */
	String criteria(JsonNode badge) {
		StringBuilder body = new StringBuilder("<main><p class=\"kind\">Criteria</p><h1>")
			.append(esc(badge.path("name").asString())).append("</h1><p>")
			.append(esc(badge.path("description").asString())).append("</p><section class=\"criteria\"><pre>")
			.append(esc(badge.path("criteria").path("narrative").asString()))
			.append("</pre></section>");
		if (badge.path("alignment").isArray() && !badge.path("alignment").isEmpty()) {
			body.append("<h2>Aligned to</h2><ul>");
			for (JsonNode a : badge.path("alignment")) {
				body.append("<li>").append(esc(a.path("targetName").asString()));
				if (!a.path("targetFramework").isMissingNode()) {
					body.append(" (").append(esc(a.path("targetFramework").asString())).append(")");
				}
				body.append("</li>");
			}
			body.append("</ul>");
		}
		body.append("<p><a href=\"").append(esc(badge.path("id").asString())).append("\">Badge data</a></p></main>");
		return document("Criteria: " + badge.path("name").asString(), badge.path("description").asString(),
				badge.path("image").asString(), badge.path("criteria").path("id").asString(), body.toString());
	}

	private String state(Rendered.Page p) {
		if (!"Badge".equals(p.kind()) || p.recipientName() == null && p.issuedOn() == null) {
			return p.revoked() ? "Revoked" : null;
		}
		if (p.revoked()) {
			return "Revoked" + (p.revocationReason() == null ? "" : ": " + p.revocationReason());
		}
		if (p.expires() != null && p.expires().isBefore(clock.instant())) {
			return "Expired on " + DATE.format(p.expires());
		}
		return "Valid Open Badge";
	}

	private static String document(String title, String description, String image, String url, String body) {
		String desc = description == null ? "" : description;
		StringBuilder head = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>").append(esc(title)).append("</title>")
			.append("<meta name=\"description\" content=\"").append(esc(desc)).append("\">")
			.append("<meta property=\"og:type\" content=\"website\">")
			.append("<meta property=\"og:title\" content=\"").append(esc(title)).append("\">")
			.append("<meta property=\"og:description\" content=\"").append(esc(desc)).append("\">")
			.append("<meta property=\"og:url\" content=\"").append(esc(url)).append("\">")
			.append("<meta name=\"twitter:card\" content=\"summary\">")
			.append("<meta name=\"twitter:title\" content=\"").append(esc(title)).append("\">")
			.append("<meta name=\"twitter:description\" content=\"").append(esc(desc)).append("\">");
		if (image != null && !image.isEmpty()) {
			head.append("<meta property=\"og:image\" content=\"").append(esc(image)).append("\">")
				.append("<meta name=\"twitter:image\" content=\"").append(esc(image)).append("\">");
		}
		head.append("<link rel=\"alternate\" type=\"application/ld+json\" href=\"").append(esc(url)).append("\">")
			// no inline style: the page runs under a Content-Security-Policy without 'unsafe-inline'
			.append("<link rel=\"stylesheet\" href=\"/pages.css\"></head><body>");
		return head + body + "</body></html>";
	}

	private static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text);
	}

}
