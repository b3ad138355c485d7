package org.cairn.verification;

import java.net.URI;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.cairn.outbound.FetchFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Probe "3.0 key ownership". Checks {@code ob3.key}: the key a proof names is the issuer's. Refuses a key published
 * on another origin than the issuer's id (a key document anyone can host may claim any controller: only the
 * issuer's own site speaks for it), a JWK set that does not list the {@code kid} as a public RSA key, a
 * verificationMethod that is not a Multikey with a publicKeyMultibase, one another controller owns, and a revoked
 * one; and says so when the key cannot be retrieved.
 */
final class Ob3KeyProbe {

	private final Retrieval retrieval;

	Ob3KeyProbe(Retrieval retrieval) {
		this.retrieval = retrieval;
	}

	/** The RSA key a VC-JWT's {@code kid} names in the issuer's JWK set; empty (with {@code ob3.key} failed) if none. */
	Mono<RSAKey> jwk(String kid, String issuerId, Run run) {
		URI document = URI.create(withoutFragment(kid));
		if (!sameOrigin(document.toString(), issuerId)) {
			run.fail(CheckId.OB3_KEY, "The JWT key " + Verifier.abbreviate(kid) + " is not published on the issuer's site ("
					+ Verifier.abbreviate(String.valueOf(issuerId)) + ").");
			return Mono.empty();
		}
		return retrieval.fetch(document, run).flatMap(fetched -> {
			RSAKey key = rsaKey(fetched.body(), kid);
			if (key == null) {
				run.fail(CheckId.OB3_KEY, "The key set at " + Verifier.abbreviate(document.toString())
						+ " does not list an RSA key named " + Verifier.abbreviate(kid) + ".");
				return Mono.<RSAKey>empty();
			}
			run.pass(CheckId.OB3_KEY, "The JWT key is published in the issuer's key set.");
			return Mono.just(key);
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.OB3_KEY, "The JWT key could not be retrieved: " + failure.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * The Multikey a Data Integrity proof's {@code verificationMethod} names, when the issuer controls it; empty
	 * (with {@code ob3.key} failed) otherwise.
	 */
	Mono<JsonNode> multikey(String method, String issuerId, Run run) {
		if (method == null || !Nodes.isHttp(method) || Nodes.uri(method) == null) {
			run.fail(CheckId.OB3_KEY, "The proof's verificationMethod is not an https URL (did: methods are not resolved here).");
			return Mono.empty();
		}
		if (!sameOrigin(method, issuerId)) {
			run.fail(CheckId.OB3_KEY, "The proof's key " + Verifier.abbreviate(method)
					+ " is not published on the issuer's site (" + Verifier.abbreviate(String.valueOf(issuerId)) + ").");
			return Mono.empty();
		}
		return retrieval.fetch(URI.create(withoutFragment(method)), run).flatMap(fetched -> {
			JsonNode key = fetched.body();
			if (key == null || !"Multikey".equals(Nodes.text(key, "type"))
					|| Nodes.text(key, "publicKeyMultibase") == null) {
				run.fail(CheckId.OB3_KEY, "The verificationMethod is not a Multikey with a publicKeyMultibase.");
				return Mono.<JsonNode>empty();
			}
			if (issuerId == null || !issuerId.equals(Nodes.text(key, "controller"))) {
				run.fail(CheckId.OB3_KEY, "The key is controlled by " + Nodes.text(key, "controller")
						+ ", not by the issuer " + issuerId + ".");
				return Mono.<JsonNode>empty();
			}
			if (key.get("revoked") != null) {
				run.fail(CheckId.OB3_KEY, "The issuer revoked this key on " + Nodes.text(key, "revoked") + ".");
				return Mono.<JsonNode>empty();
			}
			run.pass(CheckId.OB3_KEY, "The Multikey is controlled by the issuer.");
			return Mono.just(key);
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.OB3_KEY, "The proof's key could not be retrieved: " + failure.getMessage());
			return Mono.empty();
		});
	}

	private static RSAKey rsaKey(JsonNode document, String kid) {
		if (document == null) {
			return null;
		}
		List<JsonNode> candidates = document.has("keys") && document.get("keys").isArray()
				? document.get("keys").values().stream().toList() : List.of(document);
		for (JsonNode candidate : candidates) {
			try {
				JWK jwk = JWK.parse(candidate.toString());
				boolean named = kid.equals(jwk.getKeyID()) || candidates.size() == 1 && jwk.getKeyID() == null;
				if (named && jwk instanceof RSAKey rsa && !rsa.isPrivate()) {
					return rsa;
				}
			}
			catch (java.text.ParseException ex) {
				// not a JWK: look at the next one
			}
		}
		return null;
	}

	private static String withoutFragment(String url) {
		return url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
	}

	static boolean sameOrigin(String url, String other) {
		URI a = Nodes.uri(url);
		URI b = other == null ? null : Nodes.uri(other);
		return a != null && b != null && a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
				&& a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
	}

}
