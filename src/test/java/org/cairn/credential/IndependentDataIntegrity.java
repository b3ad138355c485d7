package org.cairn.credential;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an {@code eddsa-rdfc-2022} proof with code that shares nothing with Cairn's signing path but the JSON-LD
 * expansion to RDF (titanium-json-ld, the JSON-LD 1.1 processor Java has; Jena's JSON-LD reader wraps the same):
 * its own RDFC-1.0 canonicalization (first-degree hashes; a graph that would need the n-degree step is refused rather
 * than guessed), its own N-Quads serialization and base58 decoding, and the JDK's Ed25519.
 */
public final class IndependentDataIntegrity {

	private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

	private static final Map<String, String> CONTEXTS = Map.of("https://www.w3.org/ns/credentials/v2",
			"/org/cairn/openbadges/contexts/credentials-v2.jsonld",
			"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
			"/org/cairn/openbadges/contexts/ob-v3p0-context-3.0.3.json",
			"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
			"/org/cairn/openbadges/contexts/clr-v2p0-context-2.0.1.json");

	private static final DocumentLoader LOADER = (url, options) -> {
		String resource = CONTEXTS.get(url.toString());
		if (resource == null) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: " + url);
		}
		try (InputStream in = IndependentDataIntegrity.class.getResourceAsStream(resource)) {
			JsonDocument document = JsonDocument.of(in);
			document.setDocumentUrl(url);
			return document;
		}
		catch (java.io.IOException ex) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, ex.getMessage());
		}
	};

	private final JsonMapper json;

	public IndependentDataIntegrity(JsonMapper json) {
		this.json = json;
	}

	/** Whether the credential's embedded proof verifies with the raw Ed25519 public key. */
	public boolean verifies(String credential, byte[] rawPublicKey) throws Exception {
		ObjectNode document = (ObjectNode) json.readTree(credential);
		JsonNode proofs = document.remove("proof");
		// one proof, or a list of them (as 1EdTech's schema wants): the first eddsa-rdfc-2022 one is checked
		ObjectNode proof = (ObjectNode) (proofs.isArray() ? proofs.get(0) : proofs);
		String proofValue = proof.remove("proofValue").asString();
		if (!"eddsa-rdfc-2022".equals(proof.get("cryptosuite").asString())) {
			return false;
		}
		proof.set("@context", document.get("@context"));
		byte[] config = sha256(canonical(json.writeValueAsString(proof)));
		byte[] body = sha256(canonical(json.writeValueAsString(document)));
		byte[] data = new byte[64];
		System.arraycopy(config, 0, data, 0, 32);
		System.arraycopy(body, 0, data, 32, 32);
		Signature ed = Signature.getInstance("Ed25519");
		ed.initVerify(publicKey(rawPublicKey));
		ed.update(data);
		return ed.verify(base58(proofValue));
	}

	/** The raw key of a Multikey's {@code publicKeyMultibase} (multicodec 0xed01 + 32 bytes). */
	public static byte[] rawKey(String publicKeyMultibase) {
		byte[] bytes = base58(publicKeyMultibase);
		if (bytes.length != 34 || (bytes[0] & 0xff) != 0xed || bytes[1] != 0x01) {
			throw new IllegalArgumentException("not an Ed25519 multikey");
		}
		return Arrays.copyOfRange(bytes, 2, 34);
	}

	static String canonical(String jsonLd) throws JsonLdError {
		List<String[]> quads = new ArrayList<>();
		JsonLd.toRdf(JsonDocument.of(new StringReader(jsonLd))).loader(LOADER).provide(
				(subject, predicate, object, datatype, language, direction, graph) -> {
					quads.add(new String[] { term(subject), term(predicate),
							datatype == null ? term(object) : literal(object, datatype, language),
							graph == null ? null : term(graph) });
					return null;
				});
		Set<String> blanks = new LinkedHashSet<>();
		for (String[] q : quads) {
			for (String t : q) {
				if (t != null && t.startsWith("_:")) {
					blanks.add(t);
				}
			}
		}
		TreeMap<String, String> byHash = new TreeMap<>();
		for (String blank : blanks) {
			List<String> lines = new ArrayList<>();
			for (String[] q : quads) {
				if (Arrays.asList(q).contains(blank)) {
					lines.add(line(q, t -> t.equals(blank) ? "_:a" : t.startsWith("_:") ? "_:z" : t));
				}
			}
			lines.sort(null);
			String hash = HexFormat.of().formatHex(sha256(String.join("", lines)));
			if (byHash.put(hash, blank) != null) {
				throw new IllegalStateException("two blank nodes share a first-degree hash: n-degree step needed");
			}
		}
		Map<String, String> canonicalIds = new java.util.HashMap<>();
		int next = 0;
		for (String blank : byHash.values()) {
			canonicalIds.put(blank, "_:c14n" + next++);
		}
		List<String> lines = new ArrayList<>();
		for (String[] q : quads) {
			lines.add(line(q, t -> t.startsWith("_:") ? canonicalIds.get(t) : t));
		}
		lines.sort(null);
		return String.join("", new LinkedHashSet<>(lines));
	}

	private static String line(String[] q, java.util.function.UnaryOperator<String> relabel) {
		return relabel.apply(q[0]) + " " + relabel.apply(q[1]) + " " + relabel.apply(q[2])
				+ (q[3] == null ? "" : " " + relabel.apply(q[3])) + " .\n";
	}

	private static String term(String value) {
		return value.startsWith("_:") ? value : "<" + value + ">";
	}

	private static String literal(String value, String datatype, String language) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		out.append('"');
		if (language != null) {
			return out.append('@').append(language).toString();
		}
		return XSD_STRING.equals(datatype) ? out.toString() : out.append("^^<").append(datatype).append('>').toString();
	}

	private static PublicKey publicKey(byte[] raw) throws Exception {
		byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
		byte[] spki = new byte[prefix.length + raw.length];
		System.arraycopy(prefix, 0, spki, 0, prefix.length);
		System.arraycopy(raw, 0, spki, prefix.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
	}

	private static byte[] base58(String multibase) {
		String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
		if (!multibase.startsWith("z")) {
			throw new IllegalArgumentException("not base58-btc");
		}
		BigInteger n = BigInteger.ZERO;
		int leadingOnes = 0;
		boolean leading = true;
		for (char c : multibase.substring(1).toCharArray()) {
			if (leading && c == '1') {
				leadingOnes++;
			}
			else {
				leading = false;
			}
			n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(alphabet.indexOf(c)));
		}
		byte[] digits = n.toByteArray();
		if (digits.length > 1 && digits[0] == 0) {
			digits = Arrays.copyOfRange(digits, 1, digits.length);
		}
		byte[] out = new byte[leadingOnes + (n.signum() == 0 ? 0 : digits.length)];
		System.arraycopy(digits, 0, out, leadingOnes, out.length - leadingOnes);
		return out;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
