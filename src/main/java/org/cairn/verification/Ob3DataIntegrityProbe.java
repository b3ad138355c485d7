package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

import org.cairn.openbadges.LinkedData;
import org.cairn.openbadges.Multibase;
import org.cairn.openbadges.OpenBadgeCredential;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Probe "Data Integrity" (vc-di-eddsa "Verify Proof (eddsa-rdfc-2022)"). Checks {@code ob3.proof.eddsa-rdfc-2022}.
 * Refuses a credential given as JSON with no proof, any proof but a DataIntegrityProof with the
 * {@code eddsa-rdfc-2022} cryptosuite and the {@code assertionMethod} purpose, and a signature that does not verify
 * over the RDFC-1.0 canonical form (vendored contexts only) with the Multikey the issuer controls (found by
 * {@link Ob3KeyProbe}): any change after signing, or another key.
 */
final class Ob3DataIntegrityProbe {

	private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";

	private final Ob3KeyProbe keys;

	private final JsonMapper json;

	Ob3DataIntegrityProbe(Ob3KeyProbe keys, JsonMapper json) {
		this.keys = keys;
		this.json = json;
	}

	/** @param jwt whether the credential came as a VC-JWT (then the JWT is its proof and none need be embedded) */
	Mono<Void> check(JsonNode credential, String issuerId, Run run, boolean jwt) {
		run.current = CheckId.OB3_PROOF_EDDSA;
		JsonNode proofs = credential.get("proof");
		JsonNode proof = proofs == null ? null : proofs.isArray() ? proofs.values().stream()
			.filter(p -> OpenBadgeCredential.DataIntegrityProof.EDDSA_RDFC_2022.equals(Nodes.text(p, "cryptosuite")))
			.findFirst()
			.orElse(null) : proofs;
		if (proof == null) {
			if (jwt) {
				run.skip(CheckId.OB3_PROOF_EDDSA, "No embedded proof: the VC-JWT is the proof.");
			}
			else {
				run.fail(CheckId.OB3_PROOF_EDDSA, "The credential carries no proof this verifier accepts"
						+ " (an embedded eddsa-rdfc-2022 proof or a VC-JWT).");
			}
			return Mono.empty();
		}
		if (!"DataIntegrityProof".equals(Nodes.text(proof, "type"))
				|| !OpenBadgeCredential.DataIntegrityProof.EDDSA_RDFC_2022.equals(Nodes.text(proof, "cryptosuite"))) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "Only DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite is accepted.");
			return Mono.empty();
		}
		if (!"assertionMethod".equals(Nodes.text(proof, "proofPurpose"))) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "The proof's purpose is not assertionMethod.");
			return Mono.empty();
		}
		return keys.multikey(Nodes.text(proof, "verificationMethod"), issuerId, run)
			.flatMap(key -> Mono.fromRunnable(() -> signature(credential, proof, key, run))
				.subscribeOn(Schedulers.boundedElastic())
				.then());
	}

	private void signature(JsonNode credential, JsonNode proof, JsonNode key, Run run) {
		try {
			if (verifies(credential, proof, key, run.jws != null)) {
				run.pass(CheckId.OB3_PROOF_EDDSA, "The eddsa-rdfc-2022 proof verifies.");
			}
			else {
				run.fail(CheckId.OB3_PROOF_EDDSA, "The eddsa-rdfc-2022 proof does not verify: the credential was"
						+ " changed after it was signed, or another key signed it.");
			}
		}
		catch (IllegalArgumentException ex) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "The proof could not be checked: " + ex.getMessage());
		}
		catch (GeneralSecurityException ex) {
			run.fail(CheckId.OB3_PROOF_EDDSA, "The proof's signature is malformed.");
		}
	}

	/**
	 * Whether the proof verifies with the Multikey: SHA-256 of the canonical proof configuration, then of the
	 * canonical credential without its proof, signed with Ed25519. CPU work (call it off the event loop).
	 *
	 * @param jwtPayload the credential is a JWT payload: its registered claims were added after the embedded proof
	 * was made (spec "Proofs") and are left out
	 */
	boolean verifies(JsonNode credential, JsonNode proof, JsonNode key, boolean jwtPayload)
			throws GeneralSecurityException {
		ObjectNode unsecured = (ObjectNode) credential.deepCopy();
		unsecured.remove("proof");
		if (jwtPayload) {
			for (String claim : List.of("iss", "jti", "nbf", "exp", "sub", "iat")) {
				unsecured.remove(claim);
			}
		}
		ObjectNode options = (ObjectNode) proof.deepCopy();
		String proofValue = Nodes.text(options, "proofValue");
		options.remove("proofValue");
		options.set("@context", credential.get("@context"));
		byte[] config = sha256(LinkedData.canonicalNQuads(json.writeValueAsString(options)));
		byte[] document = sha256(LinkedData.canonicalNQuads(json.writeValueAsString(unsecured)));
		byte[] data = new byte[config.length + document.length];
		System.arraycopy(config, 0, data, 0, config.length);
		System.arraycopy(document, 0, data, config.length, document.length);
		byte[] raw = Multibase.ed25519RawKey(Nodes.text(key, "publicKeyMultibase"));
		Signature ed = Signature.getInstance("Ed25519");
		ed.initVerify(ed25519(raw));
		ed.update(data);
		return proofValue != null && ed.verify(Multibase.decode(proofValue));
	}

	private static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
		byte[] prefix = HexFormat.of().parseHex(ED25519_SPKI_PREFIX);
		byte[] spki = new byte[prefix.length + raw.length];
		System.arraycopy(prefix, 0, spki, 0, prefix.length);
		System.arraycopy(raw, 0, spki, prefix.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
