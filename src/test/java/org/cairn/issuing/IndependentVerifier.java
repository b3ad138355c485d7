package org.cairn.issuing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open Badges 2.0 verifier written from the specification's verification steps, sharing no code with what
 * issues: JWS checked with plain {@code java.security.Signature} over the signing input, PNG chunks walked by hand,
 * SVG read with a regular expression, every linked document fetched through {@code fetch}. Each check has a stable
 * id, so tests say which check failed.
 */
final class IndependentVerifier {

	/** A fetched document: HTTP status, content type and body. */
	record Fetched(int status, String contentType, String body) {
	}

	/** The checks that failed (id to message), the revocation reason when revoked. */
	record Report(Map<String, String> failures, String revocationReason) {

		boolean valid() {
			return failures.isEmpty();
		}

	}

	private static final Pattern SVG_ASSERTION = Pattern
		.compile("<openbadges:assertion\\s+verify=\"([^\"]+)\"\\s*(?:/>|>(.*?)</openbadges:assertion>)", Pattern.DOTALL);

	private final Function<String, Fetched> fetch;

	private final JsonMapper json;

	IndependentVerifier(Function<String, Fetched> fetch, JsonMapper json) {
		this.fetch = fetch;
		this.json = json;
	}

	/** Extracts what a baked PNG carries (iTXt, keyword {@code openbadges}, uncompressed) and verifies it. */
	Report verifyPng(byte[] png, String email, Instant now) throws IOException {
		return verifyBaked(pngPayload(png), email, now);
	}

	/** Extracts the {@code openbadges:assertion} of a baked SVG and verifies it. */
	Report verifySvg(String svg, String email, Instant now) {
		Matcher m = SVG_ASSERTION.matcher(svg);
		if (!m.find()) {
			return failed("baked-svg", "no openbadges:assertion element");
		}
		String verify = m.group(1);
		return verifyBaked(verify, email, now);
	}

	/** Baked content is a JWS (signed), a URL or an assertion JSON (hosted: only its id is trusted). */
	Report verifyBaked(String payload, String email, Instant now) {
		String text = payload.strip();
		if (text.startsWith("{")) {
			JsonNode assertion = json.readTree(text);
			if (!"hosted".equals(assertion.path("verification").path("type").asString(""))
					&& !"HostedBadge".equals(assertion.path("verification").path("type").asString(""))) {
				return failed("baked-content", "an unsigned baked assertion must be hosted");
			}
			return verifyHosted(assertion.path("id").asString(""), email, now);
		}
		if (text.startsWith("http")) {
			return verifyHosted(text, email, now);
		}
		return verifySigned(text, email, now);
	}

	/** Hosted: the assertion URL is the source of truth. */
	Report verifyHosted(String url, String email, Instant now) {
		Map<String, String> failures = new LinkedHashMap<>();
		Fetched fetched = fetch.apply(url);
		if (fetched.status() == 410) {
			JsonNode body = fetched.body().isBlank() ? json.createObjectNode() : json.readTree(fetched.body());
			failures.put("not-revoked", "410 Gone");
			return new Report(failures, body.path("revocationReason").asString(null));
		}
		if (fetched.status() != 200) {
			return failed("assertion-fetched", "HTTP " + fetched.status());
		}
		if (!fetched.contentType().startsWith("application/ld+json") && !fetched.contentType().startsWith("application/json")) {
			failures.put("content-type", fetched.contentType());
		}
		JsonNode assertion = json.readTree(fetched.body());
		if (assertion.path("revoked").asBoolean(false)) {
			failures.put("not-revoked", "revoked: true");
			return new Report(failures, assertion.path("revocationReason").asString(null));
		}
		check(failures, "verification-type", "hosted".equals(assertion.path("verification").path("type").asString(""))
				|| "HostedBadge".equals(assertion.path("verification").path("type").asString("")));
		check(failures, "assertion-id", url.equals(assertion.path("id").asString("")));
		JsonNode issuer = common(assertion, email, now, failures);
		if (issuer != null) {
			// no verification object in the profile: the assertion must be on the issuer's origin
			check(failures, "hosted-origin", origin(url).equals(origin(issuer.path("id").asString(""))));
		}
		return new Report(failures, null);
	}

	/** Signed: steps 1 to 8 of the specification's JWS verification. */
	Report verifySigned(String jws, String email, Instant now) {
		Map<String, String> failures = new LinkedHashMap<>();
		String[] parts = jws.split("\\.");
		if (parts.length != 3) {
			return failed("jws-format", "not a compact JWS");
		}
		JsonNode header;
		JsonNode assertion;
		try {
			header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
			assertion = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		}
		catch (RuntimeException ex) {
			// step 2: a payload that does not parse makes the assertion invalid
			return failed("jws-payload", ex.getClass().getSimpleName());
		}
		check(failures, "jws-alg", "RS256".equals(header.path("alg").asString("")));
		check(failures, "verification-type", "signed".equals(assertion.path("verification").path("type").asString(""))
				|| "SignedBadge".equals(assertion.path("verification").path("type").asString("")));
		JsonNode issuer = common(assertion, email, now, failures);
		if (issuer == null) {
			return new Report(failures, null);
		}
		String creator = assertion.path("verification").path("creator").asString("");
		List<String> trusted = new ArrayList<>();
		// one value or several, each an id or an embedded key (the specification allows all of these)
		JsonNode publicKey = issuer.path("publicKey");
		(publicKey.isArray() ? publicKey.valueStream().toList() : List.of(publicKey))
			.forEach(k -> trusted.add(k.isString() ? k.asString() : k.path("id").asString("")));
		if (!trusted.contains(creator)) {
			failures.put("key-authorized", "the issuer profile does not list " + creator);
		}
		else {
			Fetched keyDoc = fetch.apply(creator);
			JsonNode key = keyDoc.status() == 200 ? json.readTree(keyDoc.body()) : null;
			if (key == null) {
				failures.put("key-fetched", "HTTP " + keyDoc.status());
			}
			else {
				check(failures, "key-owner", issuer.path("id").asString("").equals(key.path("owner").asString("")));
				check(failures, "key-not-revoked", key.path("revoked").isMissingNode() || key.path("revoked").isNull());
				check(failures, "jws-signature", signatureValid(parts, key.path("publicKeyPem").asString("")));
			}
		}
		String revocationReason = null;
		String listUrl = issuer.path("revocationList").asString("");
		if (!listUrl.isEmpty()) {
			Fetched list = fetch.apply(listUrl);
			if (list.status() != 200) {
				failures.put("revocation-list", "HTTP " + list.status());
			}
			else {
				for (JsonNode entry : json.readTree(list.body()).path("revokedAssertions")) {
					String id = entry.isString() ? entry.asString() : entry.path("id").asString("");
					if (id.equals(assertion.path("id").asString())) {
						failures.put("not-revoked", "in the revocation list");
						revocationReason = entry.path("revocationReason").asString(null);
					}
				}
			}
		}
		return new Report(failures, revocationReason);
	}

	/** Data validation, badge and issuer linkage, recipient and expiry: the same for both modes. */
	private JsonNode common(JsonNode assertion, String email, Instant now, Map<String, String> failures) {
		check(failures, "context", "https://w3id.org/openbadges/v2".equals(assertion.path("@context").asString("")));
		check(failures, "type", "Assertion".equals(assertion.path("type").asString("")));
		for (String field : List.of("id", "issuedOn", "badge", "recipient", "verification")) {
			check(failures, "required-" + field, !assertion.path(field).isMissingNode());
		}
		JsonNode recipient = assertion.path("recipient");
		String identity = recipient.path("identity").asString("");
		String expected = recipient.path("hashed").asBoolean(false)
				? "sha256$" + sha256Hex(email + recipient.path("salt").asString("")) : email;
		check(failures, "recipient", "email".equals(recipient.path("type").asString("")) && identity.equals(expected));
		if (assertion.hasNonNull("expires")) {
			check(failures, "not-expired", Instant.parse(assertion.path("expires").asString()).isAfter(now));
		}
		check(failures, "issued-before-now", !Instant.parse(assertion.path("issuedOn").asString()).isAfter(now));
		Fetched badgeDoc = fetch.apply(assertion.path("badge").asString(""));
		if (badgeDoc.status() != 200) {
			failures.put("badge-fetched", "HTTP " + badgeDoc.status());
			return null;
		}
		JsonNode badge = json.readTree(badgeDoc.body());
		check(failures, "badge-type", "BadgeClass".equals(badge.path("type").asString("")));
		for (String field : List.of("name", "description", "image", "criteria", "issuer")) {
			check(failures, "badge-" + field, !badge.path(field).isMissingNode());
		}
		Fetched issuerDoc = fetch.apply(badge.path("issuer").asString(""));
		if (issuerDoc.status() != 200) {
			failures.put("issuer-fetched", "HTTP " + issuerDoc.status());
			return null;
		}
		JsonNode issuer = json.readTree(issuerDoc.body());
		check(failures, "issuer-type", List.of("Issuer", "Profile").contains(issuer.path("type").asString("")));
		for (String field : List.of("name", "url", "email")) {
			check(failures, "issuer-" + field, !issuer.path(field).isMissingNode());
		}
		check(failures, "badge-issuer-origin",
				origin(assertion.path("badge").asString("")).equals(origin(issuer.path("id").asString(""))));
		return issuer;
	}

	private static boolean signatureValid(String[] parts, String pem) {
		try {
			String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
				.replaceAll("\\s", "");
			PublicKey key = KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initVerify(key);
			signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
		}
		catch (Exception ex) {
			return false;
		}
	}

	/** The text of the PNG's iTXt chunk with keyword {@code openbadges}, each chunk's CRC checked. */
	static String pngPayload(byte[] png) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(png));
		byte[] signature = in.readNBytes(8);
		if (signature[0] != (byte) 0x89 || signature[1] != 'P') {
			throw new IOException("not a PNG");
		}
		String found = null;
		while (true) {
			int length = in.readInt();
			byte[] type = in.readNBytes(4);
			byte[] data = in.readNBytes(length);
			int crc = in.readInt();
			CRC32 check = new CRC32();
			check.update(type);
			check.update(data);
			if ((int) check.getValue() != crc) {
				throw new IOException("bad CRC in " + new String(type, StandardCharsets.US_ASCII));
			}
			String name = new String(type, StandardCharsets.US_ASCII);
			if (name.equals("iTXt") && new String(data, 0, 11, StandardCharsets.ISO_8859_1).equals("openbadges\0")) {
				if (found != null) {
					throw new IOException("two openbadges chunks");
				}
				if (data[11] != 0) {
					throw new IOException("compressed openbadges chunk");
				}
				int pos = 13;
				while (data[pos] != 0) {
					pos++; // language tag
				}
				pos++;
				while (data[pos] != 0) {
					pos++; // translated keyword
				}
				pos++;
				found = new String(data, pos, data.length - pos, StandardCharsets.UTF_8);
			}
			if (name.equals("IEND")) {
				return found;
			}
		}
	}

	private static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	private static void check(Map<String, String> failures, String id, boolean ok) {
		if (!ok) {
			failures.put(id, "failed");
		}
	}

	private static Report failed(String id, String message) {
		return new Report(Map.of(id, message), null);
	}

	static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
