package org.cairn.verification;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Probe "3.0 claims": the validity period and the recipient. Checks {@code ob3.validity} (refuses a credential not
 * yet valid, expired, or without validFrom) and {@code recipient.match} (spec "Verify the Recipient Using an
 * Identifier": an emailAddress identifier, hashed with its salt or not, must match the recipient given).
 */
final class Ob3ClaimsProbe {

	private Ob3ClaimsProbe() {
	}

	static void validity(JsonNode credential, Instant now, Run run) {
		Instant from = Nodes.dateTime(Nodes.text(credential, "validFrom"));
		Instant until = Nodes.dateTime(Nodes.text(credential, "validUntil"));
		if (from != null && from.isAfter(now)) {
			run.fail(CheckId.OB3_VALIDITY, "Not valid before " + from + ".");
		}
		else if (until != null && !until.isAfter(now)) {
			run.fail(CheckId.OB3_VALIDITY, "Expired on " + until + ".");
		}
		else if (from == null) {
			run.fail(CheckId.OB3_VALIDITY, "No validFrom.");
		}
		else {
			run.pass(CheckId.OB3_VALIDITY, until == null ? "Valid from " + from + ", no end." : "Valid until " + until + ".");
		}
	}

	static void recipient(JsonNode subject, Run run) {
		if (run.recipient == null) {
			run.skip(CheckId.RECIPIENT_MATCH, "No recipient was given to compare.");
			return;
		}
		JsonNode identifiers = subject == null ? null : subject.get("identifier");
		String known = run.recipient.toLowerCase(Locale.ROOT);
		for (JsonNode identifier : identifiers == null ? List.<JsonNode>of()
				: identifiers.isArray() ? identifiers.values().stream().toList() : List.of(identifiers)) {
			if (!"emailAddress".equals(Nodes.text(identifier, "identityType"))) {
				continue;
			}
			String hash = Nodes.text(identifier, "identityHash");
			boolean hashed = identifier.get("hashed") != null && identifier.get("hashed").asBoolean();
			String salt = Nodes.text(identifier, "salt");
			String expected = hashed ? "sha256$" + HexFormat.of()
				.formatHex(Ob3DataIntegrityProbe.sha256(known + (salt == null ? "" : salt))) : known;
			if (hash != null && hash.toLowerCase(Locale.ROOT).equals(expected)) {
				run.recipientMatched = true;
				run.pass(CheckId.RECIPIENT_MATCH, "The recipient's email matches the credential's identifier.");
				return;
			}
		}
		run.recipientMatched = false;
		run.fail(CheckId.RECIPIENT_MATCH, "No identifier of the credential matches " + run.recipient + ".");
	}

}
