package org.cairn.verification;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.openbadges.LinkedData;
import org.cairn.openbadges.Multibase;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.VerificationApiIntegrationTests.failed;
import static org.cairn.verification.VerificationApiIntegrationTests.outcome;

/**
 * Open Badges 3.0 credentials through the same {@code POST /api/v1/verifications}: Cairn's own (as JSON, as VC-JWT,
 * by URL) verify; a tampered one, one signed with someone else's key, a revoked one and an expired one are refused,
 * each by its named check. Forgeries are served by a real HTTP server on 127.0.0.2.
 */
@Import(IssuingFixtures.class)
class Ob3VerificationIntegrationTests extends IntegrationTest {

	private static final String BASE = "https://cairn.test";

	static FixtureServer attacker;

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	record Issued(Person admin, Person teacher, String assertionId, String credential, String jwt) {
	}

	private static Issued cairn;

	@BeforeAll
	static void serve() throws Exception {
		attacker = new FixtureServer(null, InetAddress.getByName("127.0.0.2"));
	}

	@AfterAll
	static void stop() {
		attacker.close();
	}

	@Test
	void cairnsCredentialVerifiesAsJsonAsVcJwtAndByItsUrl() {
		Issued issued = cairn();
		JsonNode report = verify(Map.of("assertion", issued.credential(), "recipient", issued.teacher().email()));
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("kind").asString()).isEqualTo("OpenBadgeCredential");
		for (String check : List.of("ob3.context", "ob3.structure", "ob3.schema", "ob3.proof.eddsa-rdfc-2022", "ob3.key",
				"ob3.status", "ob3.validity", "recipient.match")) {
			assertThat(outcome(report, check)).as(check + " in " + report).isEqualTo("passed");
		}
		assertThat(outcome(report, "ob3.proof.jwt")).isEqualTo("skipped");
		// a 3.0 report lists the 3.0 procedure, not the 2.0 one
		assertThat(report.get("checks").toString()).doesNotContain("\"hosted.scope\"");

		JsonNode jwt = verify(Map.of("jws", issued.jwt()));
		assertThat(jwt.get("valid").asBoolean()).as(jwt.toString()).isTrue();
		assertThat(outcome(jwt, "ob3.proof.jwt")).isEqualTo("passed");
		assertThat(outcome(jwt, "ob3.proof.eddsa-rdfc-2022")).isEqualTo("passed");

		JsonNode byUrl = verify(Map.of("url", json.readTree(issued.credential()).get("id").asString()));
		assertThat(byUrl.get("valid").asBoolean()).as(byUrl.toString()).isTrue();

		JsonNode someoneElse = verify(Map.of("assertion", issued.credential(), "recipient", "mallory@attacker.example"));
		assertThat(failed(someoneElse)).containsExactly("recipient.match");
	}

	@Test
	void aTamperedCredentialIsRefusedGivenAsJsonOrServedFromAnotherSite() {
		ObjectNode tampered = (ObjectNode) json.readTree(cairn().credential());
		((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("name", "Superintendent Certificate");
		JsonNode report = verify(Map.of("assertion", json.writeValueAsString(tampered)));
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(failed(report)).as(report.toString()).containsExactly("ob3.proof.eddsa-rdfc-2022");

		attacker.json("/tampered.json", json.writeValueAsBytes(tampered));
		JsonNode served = verify(Map.of("url", attacker.url("/tampered.json").toString()));
		assertThat(served.get("valid").asBoolean()).isFalse();
		assertThat(failed(served)).as(served.toString()).contains("ob3.proof.eddsa-rdfc-2022");
	}

	@Test
	void aMalformedCredentialFailsOnesTheSchemaCheckSayingWhatIsWrong() {
		ObjectNode malformed = (ObjectNode) json.readTree(cairn().credential());
		((ObjectNode) malformed.get("credentialSubject").get("identifier").get(0)).put("hashed", "yes");
		((ObjectNode) malformed.get("credentialSubject").get("achievement")).remove("description");
		JsonNode report = verify(Map.of("assertion", json.writeValueAsString(malformed)));
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(failed(report)).as(report.toString()).contains("ob3.schema");
		String sentence = VerificationApiIntegrationTests.sentence(report, "ob3.schema");
		assertThat(sentence).startsWith("It is not laid out as the Open Badges 3.0 standard describes")
			.containsAnyOf("credentialSubject.achievement: \u201Cdescription\u201D is missing",
					"credentialSubject.identifier[0].hashed")
			.doesNotContain("$").doesNotContain("networknt");
	}

	@Test
	void aCredentialSignedWithSomeoneElsesKeyIsRefused() throws Exception {
		ObjectNode forged = (ObjectNode) json.readTree(cairn().credential());
		((ObjectNode) forged.get("credentialSubject").get("achievement")).put("name", "Superintendent Certificate");
		// the attacker signs with a key of its own, published as a Multikey claiming Cairn's issuer as controller
		KeyPair mallory = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String keyUrl = attacker.url("/key.json").toString();
		attacker.json("/key.json", json.writeValueAsBytes(Map.of("@context", "https://w3id.org/security/multikey/v1",
				"id", keyUrl, "type", "Multikey", "controller", forged.get("issuer").get("id").asString(),
				"publicKeyMultibase", Multibase.ed25519PublicKey(raw(mallory)))));
		JsonNode report = verify(Map.of("assertion", sign(forged, mallory, keyUrl)));
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(failed(report)).as(report.toString()).contains("ob3.key");

		// and a VC-JWT signed with another RSA key under the kid of Cairn's key set
		String kid = JWSObject.parse(cairn().jwt()).getHeader().getKeyID();
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
			.build(), new Payload(JWSObject.parse(cairn().jwt()).getPayload().toString()
				.replace("Formative Assessment", "Superintendent Certificate")));
		jws.sign(new RSASSASigner(rsa.generateKeyPair().getPrivate()));
		JsonNode jwt = verify(Map.of("jws", jws.serialize()));
		assertThat(jwt.get("valid").asBoolean()).isFalse();
		assertThat(failed(jwt)).as(jwt.toString()).contains("ob3.proof.jwt");
	}

	@Test
	void aRevokedCredentialIsRefused() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		String id = fixtures.grant(fixtures.award(teacher, template, "tier-1")).assertionId();
		String credential = get("/public/credentials/" + id, "application/ld+json");
		assertThat(verify(Map.of("assertion", credential)).get("valid").asBoolean()).isTrue();

		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Evidence was plagiarised")).exchange().expectStatus().isOk();

		JsonNode report = verify(Map.of("assertion", credential));
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(failed(report)).as(report.toString()).containsExactly("ob3.status");
		assertThat(VerificationApiIntegrationTests.sentence(report, "ob3.status")).contains("Evidence was plagiarised");
	}

	@Test
	void anExpiredCredentialIsRefusedThoughItsProofHolds() throws Exception {
		// an issuer of its own on 127.0.0.2 whose credential expired yesterday, signed correctly
		KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String issuer = attacker.url("/issuer.json").toString();
		String keyUrl = attacker.url("/expired-key.json").toString();
		attacker.json("/expired-key.json", json.writeValueAsBytes(Map.of("id", keyUrl, "type", "Multikey",
				"controller", issuer, "publicKeyMultibase", Multibase.ed25519PublicKey(raw(key)))));
		attacker.json("/revocations.json", json.writeValueAsBytes(Map.of("id", attacker.url("/revocations.json")
			.toString(), "revokedCredential", List.of())));
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ObjectNode credential = (ObjectNode) json.valueToTree(Map.of(
				"@context", List.of(LinkedData.VC_V2, LinkedData.OB_V3),
				"id", attacker.url("/credentials/1").toString(),
				"type", List.of("VerifiableCredential", "OpenBadgeCredential"),
				"issuer", Map.of("id", issuer, "type", List.of("Profile"), "name", "Elsewhere Academy"),
				"validFrom", now.minus(Duration.ofDays(400)).toString(),
				"validUntil", now.minus(Duration.ofDays(1)).toString(),
				"credentialSubject", Map.of("type", List.of("AchievementSubject"),
						"identifier", List.of(Map.of("type", "IdentityObject", "identityType", "emailAddress",
								"hashed", false, "identityHash", "pat@elsewhere.example")),
						"achievement", Map.of("id", attacker.url("/achievements/1").toString(),
								"type", List.of("Achievement"), "name", "Lab Safety",
								"description", "Completed lab safety.", "criteria", Map.of("narrative", "Pass the quiz.")))));
		credential.set("credentialStatus", json.valueToTree(Map.of("id", attacker.url("/revocations.json").toString(),
				"type", "1EdTechRevocationList")));
		JsonNode report = verify(Map.of("assertion", sign(credential, key, keyUrl)));
		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(outcome(report, "ob3.proof.eddsa-rdfc-2022")).as(report.toString()).isEqualTo("passed");
		assertThat(outcome(report, "ob3.status")).isEqualTo("passed");
		assertThat(failed(report)).containsExactly("ob3.validity");
		assertThat(VerificationApiIntegrationTests.sentence(report, "ob3.validity")).contains("expired");
	}

	// ---- helpers -------------------------------------------------------------------------------------------------

	private Issued cairn() {
		if (cairn == null) {
			District district = data.district();
			Person admin = data.person(district, Role.DISTRICT_ADMIN);
			Person teacher = data.person(district, Role.TEACHER);
			Template template = fixtures.template(district, Period.ofYears(3));
			String id = fixtures.grant(fixtures.award(teacher, template, "tier-1")).assertionId();
			cairn = new Issued(admin, teacher, id, get("/public/credentials/" + id, "application/ld+json"),
					get("/public/credentials/" + id + "/jwt", "application/vc+jwt"));
		}
		return cairn;
	}

	/** An eddsa-rdfc-2022 proof made the way the cryptosuite says, with the attacker's key. */
	private String sign(ObjectNode credential, KeyPair key, String verificationMethod) throws Exception {
		credential.remove("proof");
		ObjectNode options = (ObjectNode) json.valueToTree(Map.of("@context", credential.get("@context"),
				"type", "DataIntegrityProof", "cryptosuite", "eddsa-rdfc-2022",
				"created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
				"verificationMethod", verificationMethod, "proofPurpose", "assertionMethod"));
		byte[] config = sha256(LinkedData.canonicalNQuads(json.writeValueAsString(options)));
		byte[] document = sha256(LinkedData.canonicalNQuads(json.writeValueAsString(credential)));
		byte[] data = new byte[64];
		System.arraycopy(config, 0, data, 0, 32);
		System.arraycopy(document, 0, data, 32, 32);
		Signature ed = Signature.getInstance("Ed25519");
		ed.initSign(key.getPrivate());
		ed.update(data);
		options.remove("@context");
		options.put("proofValue", Multibase.encode(ed.sign()));
		credential.set("proof", json.createArrayNode().add(options));
		return json.writeValueAsString(credential);
	}

	private static byte[] raw(KeyPair key) {
		byte[] spki = key.getPublic().getEncoded();
		return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
	}

	private static byte[] sha256(String text) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A public document; the first request may wait for the district's first RSA-3072 key. */
	private String get(String path, String accept) {
		byte[] body = http.mutate().responseTimeout(Duration.ofSeconds(120)).build().get().uri(path)
			.accept(MediaType.parseMediaType(accept)).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody();
		return new String(body, StandardCharsets.UTF_8);
	}

	private JsonNode verify(Map<String, String> body) {
		return json.readTree(http.mutate().responseTimeout(Duration.ofSeconds(60)).build().post()
			.uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

}
