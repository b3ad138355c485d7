package org.cairn.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Probe "VC-JWT" (spec "Proofs", "JWT Payload Format"). Checks {@code ob3.proof.jwt}. Refuses every {@code alg} but
 * RS256, a JWT naming no https key ({@code kid}; a {@code jwk} carried in the header is not trusted), an RSA key
 * shorter than 2048 bits, a signature that does not verify with the key the issuer publishes (found by
 * {@link Ob3KeyProbe}), and claims that disagree with the credential: {@code iss} (issuer id), {@code jti}
 * (credential id), {@code nbf} (validFrom), {@code exp} (validUntil).
 */
final class Ob3JwtProbe {

	private final Ob3KeyProbe keys;

	Ob3JwtProbe(Ob3KeyProbe keys) {
		this.keys = keys;
	}

	Mono<Void> check(JsonNode credential, String issuerId, Run run) {
		run.current = CheckId.OB3_PROOF_JWT;
		String alg = Nodes.text(run.jwsHeader, "alg");
		if (!"RS256".equals(alg)) {
			run.fail(CheckId.OB3_PROOF_JWT, "Only RS256 is accepted, not " + alg + ".");
			return Mono.empty();
		}
		String kid = Nodes.text(run.jwsHeader, "kid");
		if (kid == null || !Nodes.isHttp(kid) || Nodes.uri(kid) == null) {
			run.fail(CheckId.OB3_PROOF_JWT, "The JWT names no https key (kid); an embedded jwk is not trusted.");
			return Mono.empty();
		}
		return keys.jwk(kid, issuerId, run)
			.flatMap(key -> Mono.fromRunnable(() -> signature(credential, key, issuerId, run))
				.subscribeOn(Schedulers.boundedElastic())
				.then());
	}

	private static void signature(JsonNode credential, RSAKey key, String issuerId, Run run) {
		try {
			JWSObject jws = JWSObject.parse(String.join(".", run.jws));
			if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) || key.size() < 2048
					|| !jws.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
				run.fail(CheckId.OB3_PROOF_JWT, "The VC-JWT signature does not verify with the issuer's key.");
				return;
			}
		}
		catch (java.text.ParseException | com.nimbusds.jose.JOSEException ex) {
			run.fail(CheckId.OB3_PROOF_JWT, "The VC-JWT could not be checked: " + ex.getMessage());
			return;
		}
		List<String> wrong = claims(credential, issuerId);
		if (wrong.isEmpty()) {
			run.pass(CheckId.OB3_PROOF_JWT, "The VC-JWT (RS256) verifies and its claims match the credential.");
		}
		else {
			run.fail(CheckId.OB3_PROOF_JWT, "The VC-JWT verifies but " + String.join(", ", wrong) + ".");
		}
	}

	/** The registered claims that do not restate the credential. */
	private static List<String> claims(JsonNode credential, String issuerId) {
		List<String> wrong = new ArrayList<>();
		if (!String.valueOf(issuerId).equals(Nodes.text(credential, "iss"))) {
			wrong.add("iss is not the issuer's id");
		}
		if (!String.valueOf(Nodes.text(credential, "id")).equals(Nodes.text(credential, "jti"))) {
			wrong.add("jti is not the credential's id");
		}
		Instant validFrom = Nodes.dateTime(Nodes.text(credential, "validFrom"));
		JsonNode nbf = credential.get("nbf");
		if (validFrom == null || nbf == null || !nbf.isNumber() || nbf.asLong() != validFrom.getEpochSecond()) {
			wrong.add("nbf is not validFrom");
		}
		JsonNode exp = credential.get("exp");
		Instant validUntil = Nodes.dateTime(Nodes.text(credential, "validUntil"));
		if (exp != null && (validUntil == null || !exp.isNumber() || exp.asLong() != validUntil.getEpochSecond())) {
			wrong.add("exp is not validUntil");
		}
		return wrong;
	}

}
