package org.cairn.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Probe "structure": each Open Badges class has its required properties with the expected value types (spec
 * "Data Validation"). Checks {@code assertion.structure}, {@code badge.structure}, {@code issuer.structure}. Refuses
 * an assertion without an IRI id, an IdentityObject recipient, a badge, hosted or signed verification or a readable
 * issuedOn, a hashed identity not written {@code sha256$hex}/{@code md5$hex}, an assertion image that is embedded
 * data; a badge class or profile of the wrong type (a self-reference) or without its name, description, criteria or
 * issuer.
 */
final class StructureProbe {

	static final Pattern HASH = Pattern.compile("(sha256|md5)\\$([0-9a-fA-F]+)");

	private StructureProbe() {
	}

	/** "hosted", "signed", or null when the assertion declares neither. */
	static String verificationType(JsonNode assertion) {
		JsonNode verification = assertion.get("verification");
		if (verification == null) {
			verification = assertion.get("verify");
		}
		List<String> types = Nodes.types(verification);
		if (types.contains("signed") || types.contains("SignedBadge")) {
			return "signed";
		}
		if (types.contains("hosted") || types.contains("HostedBadge")) {
			return "hosted";
		}
		return null;
	}

	static void assertionStructure(JsonNode a, String verificationType, Run run) {
		CheckId check = CheckId.ASSERTION_STRUCTURE;
		List<String> problems = new ArrayList<>();
		String id = Nodes.text(a, "id");
		if (!Nodes.isIri(id)) {
			problems.add("id must be an IRI.");
		}
		JsonNode recipient = a.get("recipient");
		if (recipient == null || !recipient.isObject()) {
			problems.add("recipient must be an IdentityObject.");
		}
		else {
			String identity = Nodes.text(recipient, "identity");
			if (Nodes.text(recipient, "type") == null || identity == null) {
				problems.add("recipient needs a type and an identity.");
			}
			JsonNode hashed = recipient.get("hashed");
			if (hashed != null && !hashed.isBoolean()) {
				problems.add("recipient.hashed must be a boolean.");
			}
			else if (hashed != null && hashed.booleanValue() && identity != null
					&& !HASH.matcher(identity).matches()) {
				problems.add("A hashed identity is written algorithm$hex (sha256 or md5).");
			}
		}
		JsonNode badge = a.get("badge");
		if (badge == null || (!badge.isString() && !badge.isObject()) || !Nodes.isIri(Nodes.iri(badge))) {
			problems.add("badge must be the IRI of a BadgeClass or a BadgeClass.");
		}
		if (verificationType == null) {
			problems.add("verification must say hosted or signed.");
		}
		if (Nodes.dateTime(Nodes.text(a, "issuedOn")) == null) {
			problems.add("issuedOn must be an ISO 8601 date-time.");
		}
		if (a.has("expires") && Nodes.dateTime(Nodes.text(a, "expires")) == null) {
			problems.add("expires must be an ISO 8601 date-time.");
		}
		JsonNode image = a.get("image");
		if (image != null) {
			String imageIri = Nodes.iri(image);
			// spec "Assertion": image is an IRI of a baked image; data URIs belong only in a BadgeClass
			if (imageIri == null || !Nodes.isIri(imageIri) || imageIri.startsWith("data:")) {
				problems.add("image of an assertion must be an http(s) IRI, not embedded data.");
			}
		}
		if (problems.isEmpty()) {
			run.pass(check, "The assertion has its required properties.");
		}
		else {
			run.fail(check, String.join(" ", problems));
		}
	}

	static void badgeStructure(JsonNode b, Run run) {
		CheckId check = CheckId.BADGE_STRUCTURE;
		List<String> problems = new ArrayList<>();
		if (!Nodes.hasType(b, "BadgeClass")) {
			problems.add("The badge's type is not BadgeClass.");
		}
		if (!Nodes.isIri(Nodes.text(b, "id"))) {
			problems.add("id must be an IRI.");
		}
		if (Nodes.text(b, "name") == null) {
			problems.add("name is required.");
		}
		if (Nodes.text(b, "description") == null) {
			problems.add("description is required.");
		}
		JsonNode criteria = b.get("criteria");
		if (criteria == null || !(criteria.isString() || criteria.isObject())) {
			problems.add("criteria must be a URL or a Criteria object.");
		}
		JsonNode issuer = b.get("issuer");
		if (issuer == null || !Nodes.isIri(Nodes.iri(issuer))) {
			problems.add("issuer must be the IRI of a Profile or a Profile.");
		}
		JsonNode image = b.get("image");
		if (image != null && !Nodes.isIri(Nodes.iri(image))) {
			problems.add("image must be an IRI, a data URI or an Image object.");
		}
		if (!problems.isEmpty()) {
			run.fail(check, String.join(" ", problems));
		}
		else if (image == null) {
			run.warn(check, "The badge class has no image.");
		}
		else {
			run.pass(check, "The badge class has its required properties.");
		}
	}

	static void issuerStructure(JsonNode i, Run run) {
		CheckId check = CheckId.ISSUER_STRUCTURE;
		List<String> problems = new ArrayList<>();
		if (!Nodes.hasType(i, "Issuer", "Profile")) {
			problems.add("The issuer's type is not Issuer or Profile (it is " + Nodes.types(i) + ").");
		}
		String id = Nodes.text(i, "id");
		if (!Nodes.isIri(id)) {
			problems.add("id must be an IRI.");
		}
		if (Nodes.text(i, "name") == null) {
			problems.add("name is required.");
		}
		if (!problems.isEmpty()) {
			run.fail(check, String.join(" ", problems));
			return;
		}
		if (!Nodes.isHttp(id)) {
			run.warn(check, "The issuer's id (" + Verifier.abbreviate(id) + ") is not an http(s) URL.");
		}
		if (Nodes.text(i, "url") == null || Nodes.text(i, "email") == null) {
			run.warn(check, "An issuer profile should give a url and an email.");
		}
		run.pass(check, "The issuer profile has its required properties.");
	}

}
