package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.cairn.openbadges.Conventions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Probe "document": the badge content as JSON-LD. Checks {@code jws.format}, {@code document.json},
 * {@code jsonld.context}, {@code jsonld.types}. Refuses a JWS that is not three base64url parts with a JSON header
 * naming its {@code alg}, a payload or assertion that is not one JSON object, a {@code @context} other than the
 * Open Badges v2 context (by URL, in an array, or written inline), and a {@code type} that is empty, not a string,
 * or neither an Open Badges class nor an IRI (relaxed below an extension context).
 */
final class DocumentProbe {

	/** The OB v2 context (and the spec site's copy of it, used by some issuers). */
	private static final Set<String> V2_CONTEXTS = Set.of(Conventions.CONTEXT_V2, "http://w3id.org/openbadges/v2",
			"https://openbadgespec.org/v2/context.json", "https://w3id.org/openbadges/v2/");

	private static final String OB_VOCABULARY = "https://w3id.org/openbadges#";

	/** The classes and aliases the v2 context defines (context-v2.json). */
	private static final Set<String> KNOWN_TYPES = Set.of("AlignmentObject", "CryptographicKey", "Endorsement",
			"Assertion", "BadgeClass", "Criteria", "Evidence", "Extension", "FrameValidation", "IdentityObject", "Image",
			"HostedBadge", "hosted", "Issuer", "Profile", "RevocationList", "SignedBadge", "signed", "TypeValidation",
			"VerificationObject");

	private static final int MAX_DEPTH = 32;

	private final JsonMapper json;

	DocumentProbe(JsonMapper json) {
		this.json = json;
	}

	/** The JWS payload as a JSON object; its parts and header are kept on the run for the signature probe. */
	JsonNode jws(String compact, Run run) {
		run.current = CheckId.JWS_FORMAT;
		String[] parts = compact.split("\\.", -1);
		if (parts.length == 3 && !(canonical(parts[0]) && canonical(parts[1]) && canonical(parts[2]))) {
			run.fail(CheckId.JWS_FORMAT, "The JWS is not in compact form: a part is not plain base64url "
					+ "(padding, a stray character or extra bits), so it is not the text its issuer signed.");
			return null;
		}
		JsonNode header;
		try {
			header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			run.fail(CheckId.JWS_FORMAT, "The JWS header is not base64url-encoded JSON.");
			return null;
		}
		if (header == null || !header.isObject() || Nodes.text(header, "alg") == null) {
			run.fail(CheckId.JWS_FORMAT, "The JWS header is not a JSON object with an alg.");
			return null;
		}
		run.jws = parts;
		run.jwsHeader = header;
		run.pass(CheckId.JWS_FORMAT, "A compact JWS (alg " + Nodes.text(header, "alg") + ").");
		String payload;
		try {
			payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			run.fail(CheckId.DOCUMENT_JSON, "The JWS payload is not base64url-encoded.");
			return null;
		}
		return parse(payload, run, "The JWS payload");
	}

	/**
	 * One base64url spelling only: unpadded, and the same text again when decoded and encoded. A lenient decoder
	 * ignores a trailing character or the unused low bits, which would let an altered string pass with the genuine
	 * signature bytes.
	 */
	private static boolean canonical(String part) {
		try {
			return part.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getUrlDecoder().decode(part)));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	JsonNode parse(String text, Run run, String what) {
		run.current = CheckId.DOCUMENT_JSON;
		try {
			JsonNode node = json.readTree(text);
			if (node == null || !node.isObject()) {
				run.fail(CheckId.DOCUMENT_JSON, what + " is not a JSON object.");
				return null;
			}
			run.pass(CheckId.DOCUMENT_JSON, what + " is a JSON object.");
			return node;
		}
		catch (JacksonException ex) {
			run.fail(CheckId.DOCUMENT_JSON, what + " is not valid JSON.");
			return null;
		}
	}

	static void context(JsonNode node, Run run, String what) {
		JsonNode context = node.get("@context");
		if (context == null) {
			run.fail(CheckId.JSONLD_CONTEXT, what + " has no @context.");
			return;
		}
		if (isV2(context)) {
			run.pass(CheckId.JSONLD_CONTEXT, "The Open Badges v2 context.");
			return;
		}
		if (context.isArray()) {
			for (JsonNode entry : context) {
				if (isV2(entry)) {
					run.pass(CheckId.JSONLD_CONTEXT, "The Open Badges v2 context, with extensions.");
					return;
				}
			}
		}
		run.fail(CheckId.JSONLD_CONTEXT, what + " does not use the Open Badges v2 context (" + Conventions.CONTEXT_V2
				+ ").");
	}

	/** The v2 context by URL, or written out inline (it maps the {@code obi} prefix to the OB vocabulary). */
	private static boolean isV2(JsonNode context) {
		if (context.isString()) {
			return V2_CONTEXTS.contains(context.asString());
		}
		return context.isObject() && OB_VOCABULARY.equals(Nodes.text(context, "obi"));
	}

	static void types(JsonNode node, Run run, String what) {
		List<String> problems = new ArrayList<>();
		collectTypes(node, problems, 0, false, false);
		if (problems.isEmpty()) {
			if (!run.failed(CheckId.JSONLD_TYPES)) {
				run.pass(CheckId.JSONLD_TYPES, "Every type is an Open Badges class or an extension IRI.");
			}
		}
		else {
			run.fail(CheckId.JSONLD_TYPES, what + ": " + String.join(" ", problems.stream().limit(5).toList()));
		}
	}

	/**
	 * {@code lenient} below a node whose @context adds an extension context: its terms are defined there (and
	 * fetching every extension context is not something a verifier on the request path should do).
	 */
	private static void collectTypes(JsonNode node, List<String> problems, int depth, boolean identity, boolean lenient) {
		if (depth > MAX_DEPTH) {
			problems.add("The document nests deeper than " + MAX_DEPTH + " levels.");
			return;
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				collectTypes(item, problems, depth + 1, identity, lenient);
			}
			return;
		}
		if (!node.isObject()) {
			return;
		}
		JsonNode ownContext = node.get("@context");
		boolean extended = lenient || (ownContext != null && extendsV2(ownContext));
		JsonNode type = node.get("type");
		// an IdentityObject's type names the identity property (email, url, telephone), not a class
		if (type != null && !identity) {
			if (type.isArray() && type.isEmpty()) {
				problems.add("A type is an empty list.");
			}
			List<JsonNode> values = type.isArray() ? List.copyOf(type.values()) : List.of(type);
			for (JsonNode value : values) {
				if (!value.isString()) {
					problems.add("A type is not a string.");
				}
				else if (!extended && !KNOWN_TYPES.contains(value.asString()) && !Nodes.isIri(value.asString())) {
					problems.add("\"" + Verifier.abbreviate(value.asString()) + "\" is not an Open Badges class.");
				}
			}
		}
		for (var property : node.properties()) {
			if (!property.getKey().equals("@context")) {
				collectTypes(property.getValue(), problems, depth + 1, property.getKey().equals("recipient"), extended);
			}
		}
	}

	/** A context that is not (only) the v2 context: an extension's, or v2 plus others. */
	private static boolean extendsV2(JsonNode context) {
		if (context.isArray()) {
			for (JsonNode entry : context) {
				if (!isV2(entry)) {
					return true;
				}
			}
			return false;
		}
		return !isV2(context);
	}

}
