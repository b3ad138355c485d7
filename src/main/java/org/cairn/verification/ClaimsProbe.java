package org.cairn.verification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.cairn.outbound.FetchFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Probe "claims": what the assertion says about itself still holds. Checks {@code revocation}, {@code dates},
 * {@code expiry}, {@code recipient.match}. Refuses a badge revoked in any form (hosted: 410 Gone or
 * {@code "revoked": true}; any badge: listed by {@code id} or {@code uid} in the issuer's {@code revocationList}, or a
 * list that cannot be retrieved), an issue date in the future (5 minutes of clock skew tolerated) or after the
 * expiry, an expiry that has passed, and a recipient given who is not the one the badge names (plain, or
 * {@code sha256}/{@code md5} of email and salt).
 */
final class ClaimsProbe {

	/** Clock skew tolerated before an issue date counts as "in the future". */
	private static final Duration SKEW = Duration.ofMinutes(5);

	private final Retrieval retrieval;

	ClaimsProbe(Retrieval retrieval) {
		this.retrieval = retrieval;
	}

	/** Revoked by the hosted copy (410 or the flag, seen on retrieval), else by the issuer's revocation list. */
	Mono<Void> revocation(JsonNode assertion, JsonNode issuer, Run run) {
		run.current = CheckId.REVOCATION;
		if (run.revoked) {
			revoked(run);
			return Mono.empty();
		}
		return revocationList(assertion, issuer, run);
	}

	static void revoked(Run run) {
		run.fail(CheckId.REVOCATION, "The issuer has revoked this badge"
				+ (run.revocationReason == null ? "." : ": " + run.revocationReason));
	}

	Mono<Void> revocationList(JsonNode assertion, JsonNode issuer, Run run) {
		run.current = CheckId.REVOCATION;
		String listUrl = Nodes.iri(issuer.get("revocationList"));
		if (listUrl == null) {
			run.pass(CheckId.REVOCATION, "The issuer publishes no revocation list.");
			return Mono.empty();
		}
		if (!Nodes.isHttp(listUrl)) {
			run.fail(CheckId.REVOCATION, "The revocation list is not at an http(s) URL.");
			return Mono.empty();
		}
		String id = Nodes.text(assertion, "id");
		String uid = Nodes.text(assertion, "uid");
		return retrieval.fetch(URI.create(listUrl), run).doOnNext(fetched -> {
			JsonNode list = fetched.body();
			if (list == null || !Nodes.hasType(list, "RevocationList")) {
				run.fail(CheckId.REVOCATION, "The issuer's revocation list is not a RevocationList.");
				return;
			}
			JsonNode revoked = list.get("revokedAssertions");
			if (revoked != null) {
				List<JsonNode> entries = revoked.isArray() ? List.copyOf(revoked.values()) : List.of(revoked);
				for (JsonNode entry : entries) {
					String entryId = entry.isString() ? entry.asString() : Nodes.text(entry, "id");
					String entryUid = Nodes.text(entry, "uid");
					if ((id != null && id.equals(entryId)) || (uid != null && uid.equals(entryUid))) {
						run.revoked = true;
						run.revocationReason = Nodes.text(entry, "revocationReason");
						run.fail(CheckId.REVOCATION, "The issuer has revoked this badge"
								+ (run.revocationReason == null ? "." : ": " + run.revocationReason));
						return;
					}
				}
			}
			run.pass(CheckId.REVOCATION, "The badge is not in the issuer's revocation list.");
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.REVOCATION, "The revocation list could not be retrieved: " + failure.getMessage());
			return Mono.empty();
		}).then();
	}

	static void dates(JsonNode assertion, Instant now, Run run) {
		Instant issued = Nodes.dateTime(Nodes.text(assertion, "issuedOn"));
		Instant expires = Nodes.dateTime(Nodes.text(assertion, "expires"));
		if (issued == null) {
			run.fail(CheckId.DATES, "The assertion has no readable issuedOn.");
		}
		else if (issued.isAfter(now.plus(SKEW))) {
			run.fail(CheckId.DATES, "The assertion is issued in the future (" + issued + ").");
		}
		else if (expires != null && expires.isBefore(issued)) {
			run.fail(CheckId.DATES, "The assertion expires (" + expires + ") before it was issued (" + issued + ").");
		}
		else {
			run.pass(CheckId.DATES, "Issued " + issued + ".");
		}
		if (expires == null) {
			run.pass(CheckId.EXPIRY, "The badge does not expire.");
		}
		else if (!expires.isAfter(now)) {
			run.fail(CheckId.EXPIRY, "The badge expired on " + expires + ".");
		}
		else {
			run.pass(CheckId.EXPIRY, "The badge is current until " + expires + ".");
		}
	}

	static void recipient(JsonNode assertion, Run run) {
		if (run.recipient == null) {
			run.skip(CheckId.RECIPIENT_MATCH, "No recipient was given to compare.");
			return;
		}
		JsonNode recipient = assertion.get("recipient");
		String identity = Nodes.text(recipient, "identity");
		if (identity == null) {
			run.fail(CheckId.RECIPIENT_MATCH, "The assertion names no recipient identity.");
			run.recipientMatched = false;
			return;
		}
		JsonNode hashedNode = recipient.get("hashed");
		boolean hashed = hashedNode != null && hashedNode.isBoolean() && hashedNode.booleanValue();
		String salt = Nodes.text(recipient, "salt");
		boolean matched = matches(run.recipient, identity, hashed, salt == null ? "" : salt)
				|| matches(run.recipient.toLowerCase(Locale.ROOT), identity, hashed, salt == null ? "" : salt);
		run.recipientMatched = matched;
		if (matched) {
			run.pass(CheckId.RECIPIENT_MATCH, "The badge was awarded to " + run.recipient + ".");
		}
		else {
			run.fail(CheckId.RECIPIENT_MATCH, "The badge was not awarded to " + run.recipient + ".");
		}
	}

	/** Spec "IdentityObject": identity is the value itself, or algorithm$hex of hash(value + salt). */
	static boolean matches(String candidate, String identity, boolean hashed, String salt) {
		if (!hashed) {
			return identity.equalsIgnoreCase(candidate);
		}
		var hash = StructureProbe.HASH.matcher(identity);
		if (!hash.matches()) {
			return false;
		}
		try {
			String algorithm = hash.group(1).equals("sha256") ? "SHA-256" : "MD5";
			byte[] digest = MessageDigest.getInstance(algorithm)
				.digest((candidate + salt).getBytes(StandardCharsets.UTF_8));
			return MessageDigest.isEqual(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII),
					hash.group(2).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
