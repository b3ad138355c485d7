package org.cairn.verification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Each check as a sentence a principal or a teacher understands (US English), built from what the verification
 * reached: the issuer's and the badge's names, the recipient asked about, the dates. The technical message stays in
 * the check for experts; a skipped check's sentence is its reason, which is already written for people.
 */
final class Sentences {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
		.withZone(ZoneOffset.UTC);

	private Sentences() {
	}

	static String of(Check check, Run run) {
		if (check.outcome() == Outcome.SKIPPED) {
			return check.message();
		}
		String sentence = sentence(check.id(), check.outcome(), run);
		return check.outcome() == Outcome.WARNING && sentence == null ? "Worth a look: " + check.message() : sentence;
	}

	private static String sentence(CheckId id, Outcome outcome, Run run) {
		boolean ok = outcome == Outcome.PASSED || outcome == Outcome.WARNING;
		String issuer = name(run.issuer, "the issuer");
		String badge = name(run.badge, "the badge");
		return switch (id) {
			case INPUT_DETECT -> ok ? "You gave " + ("Transcript".equals(run.kind) ? "a Cairn transcript (PDF)"
					: given(run.input)) + "." : "What you gave is not a badge this page can read.";
			case INPUT_EXTRACT -> "Transcript".equals(run.kind)
					? (ok ? "Every badge the transcript lists is attached to it; each is checked on its own below."
							: "The transcript's badges could not all be read.")
					: ok ? "The badge was found inside the " + container(run.input) + "."
							: "No badge could be read from the " + container(run.input) + ".";
			case JWS_FORMAT -> ok ? "The signed badge is in the standard format."
					: "The signed badge is damaged: it is not in the standard format.";
			case DOCUMENT_JSON -> ok ? "The badge's data is readable." : "The badge's data is unreadable.";
			case JSONLD_CONTEXT -> ok ? "It follows the Open Badges 2.0 standard."
					: "It does not follow the Open Badges 2.0 standard.";
			case JSONLD_TYPES -> ok ? "Every part of it is something the Open Badges standard defines."
					: "Some part of it is not something the Open Badges standard defines.";
			case ASSERTION_STRUCTURE -> ok ? "The award record has everything the standard requires."
					: "The award record is missing something the standard requires.";
			case ASSERTION_RETRIEVAL -> ok ? "The award was fetched from the address its issuer publishes it at."
					: "The award could not be fetched from the address its issuer publishes it at.";
			case BADGE_RETRIEVAL -> ok ? "The description of " + quoted(badge) + " was found."
					: "The badge's description could not be found.";
			case BADGE_STRUCTURE -> ok ? quoted(badge) + " is fully described."
					: "The badge's description is incomplete or not a badge at all.";
			case ISSUER_RETRIEVAL -> ok ? "The profile of " + issuer + " was found."
					: "The issuer's profile could not be found.";
			case ISSUER_STRUCTURE -> ok ? capital(issuer) + " has a complete issuer profile."
					: "The issuer's profile is incomplete or not an issuer at all.";
			case CONSISTENCY -> outcome == Outcome.PASSED ? "This is the issuer's own copy, not one served from elsewhere."
					: outcome == Outcome.FAILED
							? "This is a copy served from somewhere else, not the badge its issuer publishes: it may have been altered."
							: null;
			case HOSTED_SCOPE -> outcome == Outcome.PASSED ? "Published on " + possessive(issuer) + " own site."
					: outcome == Outcome.FAILED ? "Published on a site " + issuer + " does not use for its badges." : null;
			case SIGNATURE_ALGORITHM -> ok ? "Signed with a standard, secure method."
					: "Signed with a method that is not accepted.";
			case SIGNATURE_KEY -> ok ? "Signed with a key " + issuer + " lists as its own."
					: "The signing key is not one " + issuer + " lists as its own.";
			case SIGNATURE_VALID -> ok ? "Issued by " + issuer + ", whose key signed it."
					: "The signature does not match: the badge was changed after it was signed, or someone else signed it.";
			case REVOCATION -> ok ? capital(issuer) + " has not revoked it."
					: capital(issuer) + " has revoked this badge"
							+ (run.revocationReason == null ? "." : ": " + run.revocationReason);
			case DATES -> ok ? issued(run) : "Its dates are impossible: issued in the future, or expiring before it was issued.";
			case EXPIRY -> ok ? expires(run) : "It expired" + expiresOn(run) + ".";
			case RECIPIENT_MATCH -> ok ? "Awarded to " + run.recipient + "." : "Not awarded to " + run.recipient + ".";
			case IMAGE_INTEGRITY -> ok ? "The image is intact."
					: "The image is damaged or carries active content such as scripts.";
			case OB3_CONTEXT -> ok ? "It follows the " + standard(run) + " standard (a W3C Verifiable Credential)."
					: "It does not follow the " + standard(run) + " standard.";
			case OB3_STRUCTURE -> ok ? "The credential has everything the standard requires."
					: "The credential is missing something the standard requires.";
			case OB3_SCHEMA -> ok ? "It is laid out exactly as the Open Badges 3.0 standard describes."
					: "It is not laid out as the Open Badges 3.0 standard describes, so other systems may misread it"
							+ (run.schemaProblems.isEmpty() ? "." : ": " + run.schemaProblems.get(0) + ".");
			case OB3_PROOF_JWT, OB3_PROOF_EDDSA -> ok ? "Issued by " + issuer + ", whose key signed it."
					: "The signature does not match: the credential was changed after it was signed, or someone else signed it.";
			case OB3_KEY -> ok ? "Signed with a key " + issuer + " publishes as its own."
					: "The signing key is not one " + issuer + " publishes as its own.";
			case OB3_STATUS -> ok ? capital(issuer) + " has not revoked it."
					: capital(issuer) + " has revoked this badge"
							+ (run.revocationReason == null ? "." : ": " + run.revocationReason);
			case OB3_VALIDITY -> ok ? validity(run) : "It is not valid now: it expired, or is not valid yet.";
			case CLR_CREDENTIALS -> ok ? "Every badge in this learner record is genuine and current."
					: "Some badge in this learner record does not verify: it was changed, revoked or has expired (see"
							+ " each badge below).";
			case ENDORSEMENT_STRUCTURE -> ok ? "The endorsement has everything the standard requires."
					: "The endorsement is missing something the standard requires.";
			case ENDORSEMENT_CLAIM -> ok ? "It endorses this very badge or issuer."
					: "It endorses something else than where it is listed.";
		};
	}

	private static String standard(Run run) {
		return run.clr ? "Comprehensive Learner Record 2.0" : "Open Badges 3.0";
	}

	private static String given(InputKind input) {
		return switch (input) {
			case URL -> "the address (URL) of a badge";
			case JSON -> "a badge's data (assertion JSON)";
			case JWS -> "a signed badge (JWS)";
			case PNG -> "a badge image (PNG)";
			case SVG -> "a badge image (SVG)";
			case PDF -> "a Cairn PDF certificate";
			case UNKNOWN -> "something unrecognized";
		};
	}

	private static String container(InputKind input) {
		return input == InputKind.PDF ? "certificate" : input == InputKind.PNG || input == InputKind.SVG ? "image" : "file";
	}

	private static String validity(Run run) {
		Instant until = run.assertion == null ? null : Nodes.dateTime(Nodes.text(run.assertion, "validUntil"));
		return until == null ? "It does not expire." : "It is current until " + DATE.format(until) + ".";
	}

	private static String issued(Run run) {
		Instant issued = run.assertion == null ? null : Nodes.dateTime(Nodes.text(run.assertion, "issuedOn"));
		return issued == null ? "Its dates are possible." : "Issued on " + DATE.format(issued) + ".";
	}

	private static String expires(Run run) {
		String on = expiresOn(run);
		return on.isEmpty() ? "It does not expire." : "It is current until" + on.substring(" on".length()) + ".";
	}

	private static String expiresOn(Run run) {
		Instant expires = run.assertion == null ? null : Nodes.dateTime(Nodes.text(run.assertion, "expires"));
		return expires == null ? "" : " on " + DATE.format(expires);
	}

	private static String name(tools.jackson.databind.JsonNode node, String fallback) {
		String name = Nodes.text(node, "name");
		return name == null || name.isBlank() ? fallback : Verifier.abbreviate(name.strip());
	}

	private static String quoted(String badge) {
		return badge.equals("the badge") ? badge : "\u201C" + badge + "\u201D";
	}

	private static String possessive(String issuer) {
		return issuer.equals("the issuer") ? "the issuer's" : issuer + (issuer.endsWith("s") ? "'" : "'s");
	}

	private static String capital(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
