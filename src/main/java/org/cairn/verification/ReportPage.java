package org.cairn.verification;

import org.springframework.web.util.HtmlUtils;

/** The report as a small server-rendered page for people (no script; everything escaped). */
final class ReportPage {

	private static final java.util.Map<Outcome, String> WORDS = java.util.Map.of(Outcome.PASSED, "\u2713 Passed:",
			Outcome.FAILED, "\u2717 Failed:", Outcome.WARNING, "! Warning:", Outcome.SKIPPED, "\u2013");

	private ReportPage() {
	}

	static String render(Report report) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			// no inline style: the page runs under a Content-Security-Policy without 'unsafe-inline'
			.append("<title>Badge verification</title><link rel=\"stylesheet\" href=\"/pages.css\">")
			.append("</head><body class=\"report\"><main>");
		html.append("<h1 class=\"").append(report.valid() ? "passed\">Valid badge" : "failed\">Not a valid badge")
			.append("</h1>");
		report.checks().stream().filter(c -> c.id() == CheckId.INPUT_DETECT && c.outcome() == Outcome.PASSED)
			.findFirst().ifPresent(c -> html.append("<p>").append(e(c.sentence())).append("</p>"));
		if (report.badge() != null) {
			html.append("<h2>").append(e(report.badge().name())).append("</h2><p>")
				.append(e(report.badge().description()))
				.append("</p>");
		}
		if (report.issuer() != null) {
			html.append("<p>Issued by <strong>").append(e(report.issuer().name())).append("</strong> (")
				.append(e(report.issuer().id())).append(")");
			if (Boolean.TRUE.equals(report.issuer().recognised())) {
				html.append(" — an issuer your district recognizes");
			}
			html.append("</p>");
		}
		if (report.assertion() != null && report.assertion().issuedOn() != null) {
			html.append("<p>Issued on ").append(e(report.assertion().issuedOn().toString()));
			if (report.assertion().expires() != null) {
				html.append(", expires ").append(e(report.assertion().expires().toString()));
			}
			html.append("</p>");
		}
		if (report.recipient() != null && report.recipient().matched() != null) {
			html.append("<p>").append(report.recipient().matched() ? "Awarded to the person you named."
					: "<span class=\"failed\">Not awarded to the person you named.</span>").append("</p>");
		}
		if (report.alignments() != null && !report.alignments().isEmpty()) {
			html.append("<h3>Aligned to</h3><ul>");
			report.alignments().forEach(a -> html.append("<li>").append(e(a.targetName()))
				.append(a.targetFramework() == null ? "" : " (" + e(a.targetFramework()) + ")").append("</li>"));
			html.append("</ul>");
		}
		if (report.endorsements() != null && !report.endorsements().isEmpty()) {
			// endorsers' names and comments are another issuer's words: text only, escaped
			html.append("<h3>Endorsements</h3><ul class=\"endorsements\">");
			for (Report.EndorsementSummary en : report.endorsements()) {
				html.append("<li class=\"").append(en.valid() ? "passed" : "failed").append("\"><strong>")
					.append(en.valid() ? "\u2713 " : "\u2717 ").append(e(en.sentence())).append("</strong>");
				if (en.endorser() != null && Boolean.TRUE.equals(en.endorser().recognised())) {
					html.append(" — an issuer your district recognizes");
				}
				if (en.comment() != null) {
					html.append("<blockquote>").append(e(en.comment())).append("</blockquote>");
				}
				html.append("</li>");
			}
			html.append("</ul>");
		}
		html.append("<h3>What was checked</h3><ul class=\"checks\">");
		for (Check check : report.checks()) {
			// the sentence for people; the stable id and the technical detail for experts
			html.append("<li class=\"").append(check.outcome().json()).append("\" data-check=\"")
				.append(e(check.id().id())).append("\"><strong>").append(WORDS.get(check.outcome()))
				.append("</strong> ").append(e(check.sentence() == null ? check.message() : check.sentence()))
				.append(" <details><summary><code>").append(e(check.id().id())).append("</code></summary>")
				.append(e(check.message())).append("</details></li>");
		}
		html.append("</ul></main></body></html>");
		return html.toString();
	}

	private static String e(String value) {
		return value == null ? "" : HtmlUtils.htmlEscape(value);
	}

}
