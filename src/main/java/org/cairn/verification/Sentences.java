package org.cairn.verification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.cairn.language.Language;

/**
 * Each check as a sentence a principal or a teacher understands, in every language Cairn speaks (issue 18: the
 * {@code verification.sentence.*} texts of {@code i18n/verification*.properties}), built from what the verification
 * reached: the issuer's and the badge's names, the recipient asked about, the dates. The technical message stays in
 * the check for experts (English); a skipped check's sentence is its reason, written for people, from the same
 * catalogue where it has a text there.
 */
final class Sentences {

	private static final String[] SKIPS = { "verification.skip.not-apply", "verification.skip.no-recipient",
			"verification.skip.not-vc-jwt", "verification.skip.clr-no-status", "verification.skip.from-clr",
			"verification.skip.clr-json", "verification.skip.gone", "verification.skip.not-extracted",
			"verification.skip.not-image", "verification.skip.certificate-not-image",
			"verification.skip.endorsement-schema", "verification.skip.endorsement-recipient",
			"verification.skip.embedded-proof", "verification.skip.algorithm-refused", "verification.skip.no-key",
			"verification.skip.transcript-not-image", "verification.skip.by-url", "verification.skip.as-json",
			"verification.skip.signed-not-retrieved", "verification.skip.signed-scope",
			"verification.skip.nothing-retrieved", "verification.skip.neither", "verification.skip.hosted-not-signed",
			"verification.skip.endorsement-not-assertion", "verification.skip.badgeclass-not-assertion",
			"verification.skip.profile-not-assertion", "verification.skip.not-assertion" };

	/** The English skip reasons of the catalogue, by their words. */
	private static final Map<String, String> SKIP_KEYS = skipKeys();

	private static Map<String, String> skipKeys() {
		Map<String, String> keys = new java.util.HashMap<>();
		for (String key : SKIPS) {
			keys.put(Language.EN.text(key), key);
		}
		return Map.copyOf(keys);
	}

	private Sentences() {
	}

	/** The sentence in each language; the report answers the reader's ({@link Report#in}). */
	static Map<Language, String> all(Check check, Run run) {
		Map<Language, String> said = new EnumMap<>(Language.class);
		for (Language language : Language.values()) {
			said.put(language, of(check, run, language));
		}
		return said;
	}

	static String of(Check check, Run run, Language l) {
		if (check.outcome() == Outcome.SKIPPED) {
			return skipped(check.message(), l);
		}
		String sentence = sentence(check.id(), check.outcome(), run, l);
		return check.outcome() == Outcome.WARNING && sentence == null
				? l.text("verification.sentence.worth-a-look", check.message()) : sentence;
	}

	/**
	 * A skipped check's reason: the probes write it in English; a catalogue text with exactly those words
	 * ({@code verification.skip.*}) gives it in the reader's language.
	 */
	private static String skipped(String reason, Language l) {
		if (l == Language.EN) {
			return reason;
		}
		java.util.regex.Matcher stopped = java.util.regex.Pattern
			.compile("The verification stopped when (\\S+) failed\\.").matcher(reason);
		if (stopped.matches()) {
			return l.text("verification.skip.stopped", stopped.group(1));
		}
		String key = SKIP_KEYS.get(reason);
		return key == null ? l.text("verification.skip.other") : l.text(key);
	}

	private static String sentence(CheckId id, Outcome outcome, Run run, Language l) {
		boolean ok = outcome == Outcome.PASSED || outcome == Outcome.WARNING;
		String issuer = name(run.issuer, l.text("verification.the-issuer"));
		String badge = name(run.badge, null);
		String quoted = badge == null ? l.text("verification.the-badge") : "\u201C" + badge + "\u201D";
		String key = switch (id) {
			case INPUT_DETECT -> ok ? "input-detect" : "input-detect.failed";
			case INPUT_EXTRACT -> "Transcript".equals(run.kind) ? (ok ? "input-extract.transcript"
					: "input-extract.transcript.failed") : ok ? "input-extract" : "input-extract.failed";
			case JWS_FORMAT -> ok ? "jws-format" : "jws-format.failed";
			case DOCUMENT_JSON -> ok ? "document-json" : "document-json.failed";
			case JSONLD_CONTEXT -> ok ? "jsonld-context" : "jsonld-context.failed";
			case JSONLD_TYPES -> ok ? "jsonld-types" : "jsonld-types.failed";
			case ASSERTION_STRUCTURE -> ok ? "assertion-structure" : "assertion-structure.failed";
			case ASSERTION_RETRIEVAL -> ok ? "assertion-retrieval" : "assertion-retrieval.failed";
			case BADGE_RETRIEVAL -> ok ? "badge-retrieval" : "badge-retrieval.failed";
			case BADGE_STRUCTURE -> ok ? "badge-structure" : "badge-structure.failed";
			case ISSUER_RETRIEVAL -> ok ? "issuer-retrieval" : "issuer-retrieval.failed";
			case ISSUER_STRUCTURE -> ok ? "issuer-structure" : "issuer-structure.failed";
			case CONSISTENCY -> outcome == Outcome.PASSED ? "consistency"
					: outcome == Outcome.FAILED ? "consistency.failed" : null;
			case HOSTED_SCOPE -> outcome == Outcome.PASSED ? "hosted-scope"
					: outcome == Outcome.FAILED ? "hosted-scope.failed" : null;
			case SIGNATURE_ALGORITHM -> ok ? "signature-algorithm" : "signature-algorithm.failed";
			case SIGNATURE_KEY -> ok ? "signature-key" : "signature-key.failed";
			case SIGNATURE_VALID -> ok ? "signature-valid" : "signature-valid.failed";
			case REVOCATION, OB3_STATUS -> ok ? "revocation"
					: run.revocationReason == null ? "revocation.failed" : "revocation.failed-reason";
			case DATES -> ok ? (date(run, "issuedOn") == null ? "dates" : "dates.issued") : "dates.failed";
			case EXPIRY -> ok ? (date(run, "expires") == null ? "expiry.never" : "expiry")
					: date(run, "expires") == null ? "expiry.failed" : "expiry.failed-on";
			case RECIPIENT_MATCH -> ok ? "recipient-match" : "recipient-match.failed";
			case IMAGE_INTEGRITY -> ok ? "image-integrity" : "image-integrity.failed";
			case OB3_CONTEXT -> ok ? "ob3-context" : "ob3-context.failed";
			case OB3_STRUCTURE -> ok ? "ob3-structure" : "ob3-structure.failed";
			case OB3_SCHEMA -> ok ? "ob3-schema" : run.schemaProblems.isEmpty() ? "ob3-schema.failed"
					: "ob3-schema.failed-problem";
			case OB3_PROOF_JWT, OB3_PROOF_EDDSA -> ok ? "signature-valid" : "ob3-proof.failed";
			case OB3_KEY -> ok ? "ob3-key" : "ob3-key.failed";
			case OB3_VALIDITY -> ok ? (date(run, "validUntil") == null ? "expiry.never" : "expiry")
					: "ob3-validity.failed";
			case CLR_CREDENTIALS -> ok ? "clr-credentials" : "clr-credentials.failed";
			case ENDORSEMENT_STRUCTURE -> ok ? "endorsement-structure" : "endorsement-structure.failed";
			case ENDORSEMENT_CLAIM -> ok ? "endorsement-claim" : "endorsement-claim.failed";
		};
		if (key == null) {
			return null;
		}
		Instant expires = id == CheckId.OB3_VALIDITY ? date(run, "validUntil") : date(run, "expires");
		Instant issued = date(run, "issuedOn");
		// each sentence picks the arguments it names: {0} issuer, {1} badge (quoted), {2} recipient, {3} the
		// input or its container, {4} a date, {5} the standard, {6} a reason or the first schema problem, {7} the
		// issuer's possessive ("Parkway's", "del emisor"), {8} the issuer starting a sentence, {8} the issuer starting a sentence
		return l.text("verification.sentence." + key, issuer, quoted, run.recipient,
				id == CheckId.INPUT_DETECT ? ("Transcript".equals(run.kind) ? l.text("verification.input.transcript")
						: l.text("verification.input." + run.input.name())) : l.text("verification.container."
								+ (run.input == InputKind.PDF ? "certificate"
										: run.input == InputKind.PNG || run.input == InputKind.SVG ? "image" : "file")),
				id == CheckId.DATES ? day(issued, l) : day(expires, l),
				run.clr ? "Comprehensive Learner Record 2.0" : "Open Badges 3.0",
				id == CheckId.OB3_SCHEMA ? (run.schemaProblems.isEmpty() ? "" : run.schemaProblems.get(0))
						: run.revocationReason,
				name(run.issuer, null) == null ? l.text("verification.owner.fallback")
						: l.text(issuer.endsWith("s") ? "verification.owner.s" : "verification.owner", issuer),
				issuer.isEmpty() ? issuer : Character.toUpperCase(issuer.charAt(0)) + issuer.substring(1));
	}

	/** The check's short name in the language ({@code verification.check.<id>}). */
	static String title(CheckId id, Language l) {
		return l.text("verification.check." + id.id());
	}

	private static Instant date(Run run, String field) {
		return run.assertion == null ? null : Nodes.dateTime(Nodes.text(run.assertion, field));
	}

	private static String day(Instant at, Language l) {
		return at == null ? "" : l.date(at.atZone(ZoneOffset.UTC).toLocalDate());
	}

	private static String name(tools.jackson.databind.JsonNode node, String fallback) {
		String name = Nodes.text(node, "name");
		return name == null || name.isBlank() ? fallback : Verifier.abbreviate(name.strip());
	}

}
