package org.cairn.verification;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The report's summaries of what the checks reached: assertion, badge, issuer, recipient, alignments. */
final class Summaries {

	/** Images written inline as data URIs are not echoed back (they can be large). */
	private static final int MAX_IMAGE = 2048;

	private static final int MAX_TEXT = 4000;

	private Summaries() {
	}

	static Report report(boolean valid, Run run, List<Check> checks) {
		return new Report(valid, run.input, run.kind, run.verificationType, checks, assertion(run), badge(run.badge),
				issuer(run.issuer), recipient(run), alignments(run.badge),
				run.endorsements.isEmpty() ? null : run.endorsements, run.held.isEmpty() ? null : run.held);
	}

	private static Report.AssertionSummary assertion(Run run) {
		JsonNode a = run.assertion;
		if (a == null) {
			return run.revoked ? new Report.AssertionSummary(null, null, null, true, run.revocationReason, null, null)
					: null;
		}
		JsonNode evidence = a.get("evidence");
		List<String> links = new ArrayList<>();
		String narrative = Nodes.text(a, "narrative");
		if (evidence != null) {
			for (JsonNode item : evidence.isArray() ? evidence.values() : List.of(evidence)) {
				String iri = Nodes.iri(item);
				if (iri != null && links.size() < 20) {
					links.add(Verifier.abbreviate(iri));
				}
			}
		}
		return new Report.AssertionSummary(text(a, "id"), Nodes.dateTime(Nodes.text(a, "issuedOn")),
				Nodes.dateTime(Nodes.text(a, "expires")), run.revoked, run.revocationReason, narrative,
				links.isEmpty() ? null : links);
	}

	/** The issuer summary of an endorser (also for the endorsement summaries). */
	static Report.IssuerSummary endorser(JsonNode issuer) {
		return issuer(issuer);
	}

	private static Report.BadgeSummary badge(JsonNode b) {
		if (b == null) {
			return null;
		}
		String image = Nodes.iri(b.get("image"));
		if (image != null && image.length() > MAX_IMAGE) {
			image = null;
		}
		JsonNode criteria = b.get("criteria");
		String criteriaUrl = criteria == null ? null : Nodes.iri(criteria);
		String criteriaNarrative = criteria != null && criteria.isObject() ? text(criteria, "narrative") : null;
		List<String> tags = Nodes.texts(b, "tags");
		return new Report.BadgeSummary(text(b, "id"), text(b, "name"), text(b, "description"), image,
				criteriaUrl == null ? null : Verifier.abbreviate(criteriaUrl), criteriaNarrative,
				tags.isEmpty() ? null : tags.stream().limit(30).map(Verifier::abbreviate).toList());
	}

	private static Report.IssuerSummary issuer(JsonNode i) {
		if (i == null) {
			return null;
		}
		return new Report.IssuerSummary(text(i, "id"), text(i, "name"), text(i, "url"), text(i, "email"), null);
	}

	private static Report.RecipientSummary recipient(Run run) {
		JsonNode r = run.assertion == null ? null : run.assertion.get("recipient");
		if (r == null || !r.isObject()) {
			return null;
		}
		JsonNode hashedNode = r.get("hashed");
		boolean hashed = hashedNode != null && hashedNode.isBoolean() && hashedNode.booleanValue();
		// a hashed identity says nothing to a reader; a plain one is already public in the badge
		return new Report.RecipientSummary(text(r, "type"), hashed, hashed ? null : text(r, "identity"),
				run.recipientMatched);
	}

	private static List<Report.AlignmentSummary> alignments(JsonNode b) {
		JsonNode alignment = b == null ? null : b.get("alignment");
		if (alignment == null) {
			return null;
		}
		List<Report.AlignmentSummary> out = new ArrayList<>();
		for (JsonNode a : alignment.isArray() ? alignment.values() : List.of(alignment)) {
			if (a.isObject() && out.size() < 50) {
				out.add(new Report.AlignmentSummary(text(a, "targetName"), text(a, "targetUrl"),
						text(a, "targetDescription"), text(a, "targetFramework"), text(a, "targetCode")));
			}
		}
		return out;
	}

	private static String text(JsonNode node, String field) {
		String value = Nodes.text(node, field);
		return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 3) + "...";
	}

}
