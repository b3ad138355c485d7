package org.cairn.verification;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import org.cairn.outbound.FetchFailure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Probe "signature" (spec "SignedBadge Verification"). Checks {@code signature.algorithm}, {@code signature.key},
 * {@code signature.valid}. Refuses every {@code alg} but RS256 ({@code none}, HMAC key confusion, RS512, ES256...)
 * and a {@code crit} header; ignores keys carried in the header; refuses a key the issuer profile does not list in
 * {@code publicKey}, one whose key document names another owner, a revoked key, a non-RSA key or one shorter than
 * 2048 bits; and a signature that does not verify with a listed key.
 */
final class SignatureProbe {

	/** Parsed public keys by their PEM text: the text is the key, so an entry never goes stale. Bounded. */
	private static final Map<String, RSAPublicKey> PARSED_KEYS = new ConcurrentHashMap<>();

	private final Retrieval retrieval;

	SignatureProbe(Retrieval retrieval) {
		this.retrieval = retrieval;
	}

	Mono<Void> check(JsonNode assertion, JsonNode issuer, Run run) {
		run.current = CheckId.SIGNATURE_ALGORITHM;
		String alg = Nodes.text(run.jwsHeader, "alg");
		if (!"RS256".equals(alg)) {
			run.fail(CheckId.SIGNATURE_ALGORITHM, "alg " + Verifier.abbreviate(String.valueOf(alg))
					+ " is refused: Open Badges signatures are verified with RS256 only.");
			run.skip(CheckId.SIGNATURE_KEY, "The algorithm is refused.");
			run.skip(CheckId.SIGNATURE_VALID, "The algorithm is refused.");
			return Mono.empty();
		}
		if (run.jwsHeader.has("crit")) {
			run.fail(CheckId.SIGNATURE_ALGORITHM, "The JWS header lists critical extensions this verifier does not "
					+ "understand.");
			return Mono.empty();
		}
		boolean headerKeys = run.jwsHeader.has("jwk") || run.jwsHeader.has("jku") || run.jwsHeader.has("x5u")
				|| run.jwsHeader.has("x5c");
		run.pass(CheckId.SIGNATURE_ALGORITHM, "RS256." + (headerKeys
				? " Keys carried in the JWS header are ignored: only keys the issuer lists are used." : ""));
		run.current = CheckId.SIGNATURE_KEY;
		String issuerId = Nodes.text(issuer, "id");
		List<JsonNode> listed = new ArrayList<>();
		JsonNode publicKey = issuer.get("publicKey");
		if (publicKey != null) {
			if (publicKey.isArray()) {
				publicKey.forEach(listed::add);
			}
			else {
				listed.add(publicKey);
			}
		}
		Set<String> listedIds = new LinkedHashSet<>();
		listed.forEach(k -> {
			String iri = Nodes.iri(k);
			if (iri != null) {
				listedIds.add(iri);
			}
		});
		JsonNode verification = assertion.get("verification");
		String creator = verification == null ? null : Nodes.iri(verification.get("creator"));
		if (listedIds.isEmpty()) {
			run.fail(CheckId.SIGNATURE_KEY, "The issuer profile lists no publicKey, so no key can be trusted.");
			return Mono.empty();
		}
		if (creator != null && !listedIds.contains(creator)) {
			run.fail(CheckId.SIGNATURE_KEY, "The assertion names key " + Verifier.abbreviate(creator)
					+ ", which the issuer profile does not list.");
			return Mono.empty();
		}
		List<String> candidates = creator != null ? List.of(creator) : listedIds.stream().limit(3).toList();
		return Flux.fromIterable(candidates)
			.concatMap(keyId -> key(keyId, listed, run).map(key -> new KeyCandidate(keyId, key)))
			.collectList()
			// PEM parsing and RSA verification are CPU work: off the event loop
			.publishOn(Schedulers.boundedElastic())
			.doOnNext(keys -> {
				List<String> problems = new ArrayList<>();
				List<KeyCandidate> usable = new ArrayList<>();
				for (KeyCandidate candidate : keys) {
					String problem = keyProblem(candidate.document(), issuerId);
					if (problem == null) {
						usable.add(candidate);
					}
					else {
						problems.add(Verifier.abbreviate(candidate.id()) + ": " + problem);
					}
				}
				if (usable.isEmpty()) {
					if (!run.failed(CheckId.SIGNATURE_KEY)) {
						run.fail(CheckId.SIGNATURE_KEY, problems.isEmpty() ? "No usable key could be retrieved."
								: String.join(" ", problems));
					}
					run.skip(CheckId.SIGNATURE_VALID, "No usable key.");
					return;
				}
				run.pass(CheckId.SIGNATURE_KEY, "An RSA key the issuer lists and owns.");
				run.current = CheckId.SIGNATURE_VALID;
				for (KeyCandidate candidate : usable) {
					if (verifies(run.jws, rsa(Nodes.text(candidate.document(), "publicKeyPem")))) {
						run.pass(CheckId.SIGNATURE_VALID, "The signature verifies with " + Verifier.abbreviate(candidate.id())
								+ ".");
						return;
					}
				}
				run.fail(CheckId.SIGNATURE_VALID, "The signature does not verify with the issuer's key: the assertion "
						+ "or its header was changed after signing, or another key signed it.");
			})
			.then();
	}

	/** The key document: embedded in the profile when written out there, else retrieved. */
	private Mono<JsonNode> key(String keyId, List<JsonNode> listed, Run run) {
		for (JsonNode entry : listed) {
			if (entry.isObject() && keyId.equals(Nodes.text(entry, "id")) && entry.has("publicKeyPem")) {
				return Mono.just(entry);
			}
		}
		if (!Nodes.isHttp(keyId)) {
			run.fail(CheckId.SIGNATURE_KEY, "Key " + Verifier.abbreviate(keyId) + " is not an http(s) URL.");
			return Mono.empty();
		}
		return retrieval.fetch(URI.create(keyId), run).flatMap(f -> Mono.justOrEmpty(f.body()))
			.onErrorResume(FetchFailure.class, failure -> {
				run.fail(CheckId.SIGNATURE_KEY, failure.getMessage());
				return Mono.empty();
			});
	}

	static String keyProblem(JsonNode key, String issuerId) {
		if (!Nodes.hasType(key, "CryptographicKey") && !Nodes.types(key).isEmpty()) {
			return "not a CryptographicKey.";
		}
		String owner = Nodes.iri(key.get("owner"));
		if (owner == null || !owner.equals(issuerId)) {
			return "owned by " + Verifier.abbreviate(String.valueOf(owner)) + ", not by the issuer.";
		}
		if (key.has("revoked") && !key.get("revoked").isNull()) {
			return "revoked by its owner.";
		}
		RSAPublicKey rsa = rsa(Nodes.text(key, "publicKeyPem"));
		if (rsa == null) {
			return "publicKeyPem is not an RSA public key.";
		}
		if (rsa.getModulus().bitLength() < 2048) {
			return "the RSA key is shorter than 2048 bits.";
		}
		return null;
	}

	static RSAPublicKey rsa(String pem) {
		if (pem == null || pem.length() > 20_000) {
			return null;
		}
		RSAPublicKey known = PARSED_KEYS.get(pem);
		if (known != null) {
			return known;
		}
		RSAPublicKey parsed = parse(pem);
		if (parsed != null) {
			if (PARSED_KEYS.size() >= 1000) {
				PARSED_KEYS.clear();
			}
			PARSED_KEYS.put(pem, parsed);
		}
		return parsed;
	}

	private static RSAPublicKey parse(String pem) {
		try {
			String base64 = pem.replaceAll("-----(BEGIN|END) (RSA )?PUBLIC KEY-----", "").replaceAll("\\s", "");
			byte[] der = Base64.getDecoder().decode(base64);
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * Whether a signature verifies is a pure function of the signed bytes, the signature and the key: results are
	 * kept by the SHA-256 of all three, so a badge verified again (shared links are checked over and over) costs a
	 * hash, not an RSA-3072 operation (16 % of a verification's samples). Bounded like {@link #PARSED_KEYS}.
	 */
	private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

	static boolean verifies(String[] jws, RSAPublicKey key) {
		String fingerprint = fingerprint(jws, key);
		Boolean known = fingerprint == null ? null : VERIFIED.get(fingerprint);
		if (known != null) {
			return known;
		}
		boolean valid = verify(jws, key);
		if (fingerprint != null) {
			if (VERIFIED.size() >= 10_000) {
				VERIFIED.clear();
			}
			VERIFIED.put(fingerprint, valid);
		}
		return valid;
	}

	/** SHA-256 over the three parts and the key's encoding, each length-prefixed so no two inputs run together. */
	private static String fingerprint(String[] jws, RSAPublicKey key) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : jws) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
				sha.update(bytes);
			}
			byte[] encoded = key.getEncoded();
			sha.update(ByteBuffer.allocate(4).putInt(encoded.length).array());
			sha.update(encoded);
			return Base64.getEncoder().encodeToString(sha.digest());
		}
		catch (NoSuchAlgorithmException | RuntimeException ex) {
			return null;
		}
	}

	private static boolean verify(String[] jws, RSAPublicKey key) {
		try {
			JWSObject object = new JWSObject(new Base64URL(jws[0]), new Base64URL(jws[1]), new Base64URL(jws[2]));
			return object.verify(new RSASSAVerifier(key));
		}
		catch (Exception ex) {
			return false;
		}
	}

	private record KeyCandidate(String id, JsonNode document) {
	}

}
