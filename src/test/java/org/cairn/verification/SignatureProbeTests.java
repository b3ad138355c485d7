package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.Probes.check;
import static org.cairn.verification.Probes.json;
import static org.cairn.verification.Probes.outcome;

/** The signature probe on its own, with real RSA keys and real JWS signatures; keys embedded in the profile. */
class SignatureProbeTests {

	static final String ISSUER = "https://badges.example.org/issuer";

	static final String KEY = "https://badges.example.org/key";

	static KeyPair pair;

	@BeforeAll
	static void keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		pair = generator.generateKeyPair();
	}

	@Test
	void aSignatureByTheIssuersListedKeyVerifies() throws Exception {
		Run run = signedRun(sign("RS256", pair), ISSUER);
		check(run, profile(ISSUER, pair));
		assertThat(outcome(run, CheckId.SIGNATURE_ALGORITHM)).isEqualTo(Outcome.PASSED);
		assertThat(outcome(run, CheckId.SIGNATURE_KEY)).isEqualTo(Outcome.PASSED);
		assertThat(outcome(run, CheckId.SIGNATURE_VALID)).isEqualTo(Outcome.PASSED);
	}

	@Test
	void aKeyDocumentNamingAnotherOwnerIsRefused() throws Exception {
		Run run = signedRun(sign("RS256", pair), ISSUER);
		check(run, profile("https://elsewhere.example/issuer", pair).put("id", ISSUER));
		assertThat(outcome(run, CheckId.SIGNATURE_KEY)).isEqualTo(Outcome.FAILED);
		assertThat(Probes.check(run, CheckId.SIGNATURE_KEY).message()).contains("not by the issuer");
	}

	@Test
	void anotherKeyOrAChangedPayloadDoesNotVerify() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		Run run = signedRun(sign("RS256", generator.generateKeyPair()), ISSUER);
		check(run, profile(ISSUER, pair));
		assertThat(outcome(run, CheckId.SIGNATURE_VALID)).isEqualTo(Outcome.FAILED);
	}

	/** Results are remembered (a badge is verified again and again); a remembered one must never answer another input. */
	@Test
	void aRememberedResultAnswersOnlyTheSameSignatureBytesAndKey() throws Exception {
		String jws = sign("RS256", pair);
		String[] parts = jws.split("\\.");
		var key = (java.security.interfaces.RSAPublicKey) pair.getPublic();
		assertThat(SignatureProbe.verifies(parts, key)).isTrue();
		assertThat(SignatureProbe.verifies(parts.clone(), key)).as("the same input again").isTrue();
		// the payload changed after a valid signature was remembered: still refused
		String forged = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"id\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(SignatureProbe.verifies(new String[] { parts[0], forged, parts[2] }, key)).isFalse();
		// the same parts run together differently are another input
		assertThat(SignatureProbe.verifies(new String[] { parts[0] + parts[1].substring(0, 1), parts[1].substring(1),
				parts[2] }, key)).isFalse();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var other = (java.security.interfaces.RSAPublicKey) generator.generateKeyPair().getPublic();
		assertThat(SignatureProbe.verifies(parts, other)).as("another key").isFalse();
		assertThat(SignatureProbe.verifies(parts, key)).as("and the right key still").isTrue();
	}

	@Test
	void everyAlgorithmButRs256IsRefused() throws Exception {
		String header = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.US_ASCII));
		String[] parts = sign("RS256", pair).split("\\.");
		Run run = signedRun(header + "." + parts[1] + ".", ISSUER);
		check(run, profile(ISSUER, pair));
		assertThat(outcome(run, CheckId.SIGNATURE_ALGORITHM)).isEqualTo(Outcome.FAILED);
		assertThat(outcome(run, CheckId.SIGNATURE_VALID)).isEqualTo(Outcome.SKIPPED);
	}

	@Test
	void aShortRevokedOrForeignKeyHasAProblem() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		assertThat(SignatureProbe.keyProblem(key(ISSUER, generator.generateKeyPair()), ISSUER)).contains("2048");
		assertThat(SignatureProbe.keyProblem(key(ISSUER, pair).put("revoked", "2026-01-01T00:00:00Z"), ISSUER))
			.contains("revoked");
		assertThat(SignatureProbe.keyProblem(key("https://x.example/i", pair), ISSUER)).contains("not by the issuer");
		assertThat(SignatureProbe.keyProblem(key(ISSUER, pair), ISSUER)).isNull();
	}

	private static void check(Run run, JsonNode issuer) {
		new SignatureProbe(new Retrieval(url -> reactor.core.publisher.Mono.error(new AssertionError("no fetch"))))
			.check(run.assertion, issuer, run).block(Duration.ofSeconds(10));
	}

	private static Run signedRun(String jws, String issuer) {
		Run run = new Run(null);
		new DocumentProbe(Probes.JSON).jws(jws, run);
		run.assertion = json(new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8));
		return run;
	}

	private static String sign(String alg, KeyPair keys) throws Exception {
		String payload = Probes.JSON.writeValueAsString(Map.of("id", "urn:uuid:1", "type", "Assertion",
				"verification", Map.of("type", "SignedBadge", "creator", KEY)));
		JWSObject object = new JWSObject(new JWSHeader(JWSAlgorithm.parse(alg)), new Payload(payload));
		object.sign(new RSASSASigner(keys.getPrivate()));
		return object.serialize();
	}

	private static tools.jackson.databind.node.ObjectNode profile(String owner, KeyPair keys) {
		return (tools.jackson.databind.node.ObjectNode) json("{\"id\": \"" + owner + "\", \"type\": \"Issuer\", "
				+ "\"publicKey\": [" + key(owner, keys) + "]}");
	}

	private static tools.jackson.databind.node.ObjectNode key(String owner, KeyPair keys) {
		return (tools.jackson.databind.node.ObjectNode) Probes.JSON.valueToTree(Map.of("id", KEY, "type",
				"CryptographicKey", "owner", owner, "publicKeyPem", "-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----"));
	}

}
