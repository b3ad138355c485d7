package org.cairn.issuing;

import java.time.Clock;
import java.time.ZoneOffset;

import org.cairn.language.Language;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML side of the public documents: a page for people, with Open Graph and Twitter card tags so a shared link
 * previews with the badge image in LinkedIn, Slack or an email client.
 */
@Component
class Pages {

	private final Clock clock;

	Pages(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The page in the reader's language; the names and descriptions as the district wrote them, in Spanish where it
	 * gave a Spanish wording.
	 */
	String page(Rendered rendered, String jsonUrl, Language l) {
		Rendered.Page p = rendered.page().in(l);
		State state = state(p, l);
		StringBuilder body = new StringBuilder();
		body.append("<main><p class=\"kind\">").append(esc(kind(p.kind(), l))).append("</p>");
		if (p.image() != null) {
			body.append("<img src=\"").append(esc(p.image())).append("\" alt=\"").append(esc(p.title()))
				.append("\" width=\"200\" height=\"200\">");
		}
		body.append("<h1>").append(esc(p.title())).append("</h1>");
		if (state != null) {
			body.append("<p class=\"status ").append(state.valid() ? "valid" : "invalid").append("\">")
				.append(esc(state.text())).append("</p>");
		}
		if (p.recipientName() != null) {
			body.append("<p>").append(l.text("issuing.page.awarded", esc(p.recipientName()))).append("</p>");
		}
		if (p.issuerName() != null) {
			body.append("<p>").append(p.issuedOn() == null ? l.text("issuing.page.issued-by", esc(p.issuerName()))
					: l.text("issuing.page.issued-by-on", esc(p.issuerName()), day(l, p.issuedOn()))).append("</p>");
		}
		if (p.expires() != null) {
			body.append("<p>").append(l.text("issuing.page.expires", day(l, p.expires()))).append("</p>");
		}
		if (p.reissuedAs() != null) {
			body.append("<p class=\"reissued\">").append(l.text("issuing.page.reissued-as", esc(p.reissuedAs())))
				.append("</p>");
		}
		if (p.replaces() != null) {
			body.append("<p class=\"reissued\">").append(l.text("issuing.page.replaces", esc(p.replaces())))
				.append("</p>");
		}
		if (p.description() != null) {
			body.append("<p>").append(esc(p.description())).append("</p>");
		}
		body.append("<p><a href=\"").append(esc(jsonUrl)).append("\" type=\"application/ld+json\">")
			.append(l.text("issuing.page.data")).append("</a></p>");
		body.append(languages(l)).append("</main>");
		return document(l, p.title() + (state != null && !state.valid() ? " (" + state.text() + ")" : ""),
				p.description(), p.image(), p.url(), body.toString());
	}

	/**
	 * The public criteria page of a BadgeClass, built from its JSON-LD; for a Spanish reader the name, description
	 * and narrative of the district's Spanish wording ({@code es}, null when there is none).
	 */
	String criteria(JsonNode badge, Rendered.Wording es, Language l) {
		boolean spanish = l == Language.ES && es != null;
		String name = spanish ? es.title() : badge.path("name").asString();
		String description = spanish ? es.description() : badge.path("description").asString();
		StringBuilder body = new StringBuilder("<main><p class=\"kind\">").append(l.text("issuing.page.criteria"))
			.append("</p><h1>")
			.append(esc(name)).append("</h1><p>")
			.append(esc(description)).append("</p><section class=\"criteria\"><pre>")
			.append(esc(spanish ? es.criteria() : badge.path("criteria").path("narrative").asString()))
			.append("</pre></section>");
		if (badge.path("alignment").isArray() && !badge.path("alignment").isEmpty()) {
			body.append("<h2>").append(l.text("issuing.page.aligned")).append("</h2><ul>");
			for (JsonNode a : badge.path("alignment")) {
				body.append("<li>").append(esc(a.path("targetName").asString()));
				if (!a.path("targetFramework").isMissingNode()) {
					body.append(" (").append(esc(a.path("targetFramework").asString())).append(")");
				}
				body.append("</li>");
			}
			body.append("</ul>");
		}
		body.append("<p><a href=\"").append(esc(badge.path("id").asString())).append("\">")
			.append(l.text("issuing.page.badge-data")).append("</a></p>").append(languages(l)).append("</main>");
		return document(l, l.text("issuing.page.criteria-title", name), description, badge.path("image").asString(),
				badge.path("criteria").path("id").asString(), body.toString());
	}

	/**
	 * The language switch: plain links ({@code ?lang=}), so it works without JavaScript; each language named in
	 * itself, the current one marked.
	 */
	private static String languages(Language current) {
		StringBuilder nav = new StringBuilder("<nav class=\"languages\" aria-label=\"")
			.append(current.text("issuing.page.languages")).append("\"><p>");
		for (Language language : Language.values()) {
			String name = language.text("issuing.page.language-name");
			if (language == current) {
				nav.append("<strong lang=\"").append(language.code()).append("\" aria-current=\"page\">").append(name)
					.append("</strong> ");
			}
			else {
				nav.append("<a href=\"?").append(Language.PARAMETER).append('=').append(language.code())
					.append("\" hreflang=\"").append(language.code()).append("\" lang=\"").append(language.code())
					.append("\">").append(name).append("</a> ");
			}
		}
		return nav.append("</p></nav>").toString();
	}

	/** What a badge page says about the badge now, and whether that is good news. */
	private record State(String text, boolean valid) {
	}

	private State state(Rendered.Page p, Language l) {
		if (!"Badge".equals(p.kind()) || p.recipientName() == null && p.issuedOn() == null) {
			return p.revoked() ? new State(l.text("issuing.page.state.revoked"), false) : null;
		}
		if (p.revoked()) {
			return new State(p.revocationReason() == null ? l.text("issuing.page.state.revoked")
					: l.text("issuing.page.state.revoked-reason", p.revocationReason()), false);
		}
		if (p.expires() != null && p.expires().isBefore(clock.instant())) {
			return new State(l.text("issuing.page.state.expired", day(l, p.expires())), false);
		}
		return new State(l.text("issuing.page.state.valid"), true);
	}

	/** The kind of document in the reader's language ("Badge", "Issuer", "Signing key", ...). */
	private static String kind(String kind, Language l) {
		String key = "issuing.page.kind." + kind.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
		try {
			return l.text(key);
		}
		catch (org.springframework.context.NoSuchMessageException unknown) {
			return kind;
		}
	}

	/** A day in UTC, as the assertion states it. */
	private static String day(Language l, java.time.Instant at) {
		return l.date(at.atOffset(ZoneOffset.UTC).toLocalDate());
	}

	private static String document(Language l, String title, String description, String image, String url,
			String body) {
		String desc = description == null ? "" : description;
		StringBuilder head = new StringBuilder("<!doctype html><html lang=\"").append(l.code())
			.append("\"><head><meta charset=\"utf-8\">")
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
		// UTF-8: only the characters HTML needs escaped, so "válida" stays readable in the page's source
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
