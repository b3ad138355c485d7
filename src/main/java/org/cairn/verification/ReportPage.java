package org.cairn.verification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.cairn.language.Language;

import org.springframework.web.util.HtmlUtils;

/**
 * The report as a small server-rendered page for people (no script; everything escaped), in the reader's language
 * (issue 18: {@code verification.page.*} of {@code i18n/verification*.properties}; the checks' titles and sentences
 * are the report's, already in that language). What the issuer wrote (names, descriptions) stays as written.
 */
final class ReportPage {

	private static final Map<Outcome, String> WORDS = Map.of(Outcome.PASSED, "verification.page.passed",
			Outcome.FAILED, "verification.page.failed", Outcome.WARNING, "verification.page.warning");

	private ReportPage() {
	}

	/** The page in English (tests, and readers who asked for no language). */
	static String render(Report report) {
		return render(report, Language.EN);
	}

	static String render(Report report, Language l) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<!doctype html><html lang=\"").append(l.code()).append("\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			// no inline style: the page runs under a Content-Security-Policy without 'unsafe-inline'
			.append("<title>").append(e(l.text("verification.page.title")))
			.append("</title><link rel=\"stylesheet\" href=\"/pages.css\">")
			.append("</head><body class=\"report\"><main>");
		boolean transcript = report.badges() != null;
		String verdict = transcript
				? (report.valid() ? "verification.page.transcript-valid" : "verification.page.transcript-not-valid")
				: (report.valid() ? "verification.page.valid" : "verification.page.not-valid");
		html.append("<h1 class=\"").append(report.valid() ? "passed" : "failed").append("\">")
			.append(e(l.text(verdict))).append("</h1>");
		report.checks().stream().filter(c -> c.id() == CheckId.INPUT_DETECT && c.outcome() == Outcome.PASSED)
			.findFirst().ifPresent(c -> html.append("<p>").append(e(c.sentence())).append("</p>"));
		if (report.badge() != null) {
			html.append("<h2>").append(e(report.badge().name())).append("</h2><p>")
				.append(e(report.badge().description()))
				.append("</p>");
		}
		if (report.issuer() != null) {
			// the catalogue's words are Cairn's own; the issuer's name and id are escaped before they go in
			html.append("<p>").append(l.text("verification.page.issued-by",
					"<strong>" + e(report.issuer().name()) + "</strong>", e(report.issuer().id())));
			if (Boolean.TRUE.equals(report.issuer().recognised())) {
				html.append(e(l.text("verification.page.recognised")));
			}
			html.append("</p>");
		}
		if (report.assertion() != null && report.assertion().issuedOn() != null) {
			issued(html, report.assertion(), l);
		}
		if (report.recipient() != null && report.recipient().matched() != null) {
			html.append("<p>").append(report.recipient().matched() ? e(l.text("verification.page.recipient-matched"))
					: "<span class=\"failed\">" + e(l.text("verification.page.recipient-not-matched")) + "</span>")
				.append("</p>");
		}
		if (report.alignments() != null && !report.alignments().isEmpty()) {
			html.append("<h3>").append(e(l.text("verification.page.aligned-to"))).append("</h3><ul>");
			report.alignments().forEach(a -> html.append("<li>").append(e(a.targetName()))
				.append(a.targetFramework() == null ? "" : " (" + e(a.targetFramework()) + ")").append("</li>"));
			html.append("</ul>");
		}
		if (report.endorsements() != null && !report.endorsements().isEmpty()) {
			// endorsers' names and comments are another issuer's words: text only, escaped
			html.append("<h3>").append(e(l.text("verification.page.endorsements")))
				.append("</h3><ul class=\"endorsements\">");
			for (Report.EndorsementSummary en : report.endorsements()) {
				html.append("<li class=\"").append(en.valid() ? "passed" : "failed").append("\"><strong>")
					.append(en.valid() ? "\u2713 " : "\u2717 ").append(e(en.sentence())).append("</strong>");
				if (en.endorser() != null && Boolean.TRUE.equals(en.endorser().recognised())) {
					html.append(e(l.text("verification.page.recognised")));
				}
				if (en.comment() != null) {
					html.append("<blockquote>").append(e(en.comment())).append("</blockquote>");
				}
				html.append("</li>");
			}
			html.append("</ul>");
		}
		checks(html, report, l);
		if (report.badges() != null) {
			// a transcript: one section per badge it carries, each with its own checks
			html.append("<h2>").append(e(l.text("verification.page.badges", report.badges().size())))
				.append("</h2>");
			for (Report.TranscriptBadge b : report.badges()) {
				Report r = b.report();
				String name = r != null && r.badge() != null && r.badge().name() != null ? r.badge().name()
						: b.name() != null ? b.name() : b.attachment();
				boolean valid = r != null && r.valid();
				html.append("<section class=\"transcript-badge\"><h3 class=\"").append(valid ? "passed" : "failed")
					.append("\">")
					.append(l.text(valid ? "verification.page.badge-valid" : "verification.page.badge-not-valid", e(name)))
					.append("</h3>");
				if (r == null) {
					html.append("<p>").append(e(l.text("verification.page.not-attached"))).append("</p>");
				}
				else {
					if (r.assertion() != null && r.assertion().issuedOn() != null) {
						issued(html, r.assertion(), l);
					}
					checks(html, r, l);
				}
				html.append("</section>");
			}
		}
		html.append("</main></body></html>");
		return html.toString();
	}

	private static void issued(StringBuilder html, Report.AssertionSummary assertion, Language l) {
		html.append("<p>").append(e(assertion.expires() == null
				? l.text("verification.page.issued-on", day(assertion.issuedOn(), l))
				: l.text("verification.page.issued-on-expires", day(assertion.issuedOn(), l),
						day(assertion.expires(), l))))
			.append("</p>");
	}

	/** The day as people write it in the language (badges state their dates in UTC). */
	private static String day(Instant at, Language l) {
		return l.date(at.atZone(ZoneOffset.UTC).toLocalDate());
	}

	private static void checks(StringBuilder html, Report report, Language l) {
		html.append("<h3>").append(e(l.text("verification.page.checked"))).append("</h3><ul class=\"checks\">");
		for (Check check : report.checks()) {
			// the sentence for people; the stable id and the technical detail (English) for experts
			String word = WORDS.get(check.outcome());
			html.append("<li class=\"").append(check.outcome().json()).append("\" data-check=\"")
				.append(e(check.id().id())).append("\"><strong>").append(word == null ? "\u2013" : e(l.text(word)))
				.append("</strong> ");
			if (check.title() != null) {
				html.append("<span class=\"check-title\">").append(e(check.title())).append(".</span> ");
			}
			html.append(e(check.sentence() == null ? check.message() : check.sentence()))
				.append(" <details><summary><code>").append(e(check.id().id())).append("</code></summary>")
				.append(e(check.message())).append("</details></li>");
		}
		html.append("</ul>");
	}

	private static String e(String value) {
		return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
