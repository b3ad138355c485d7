package org.cairn.verification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.openbadges.Conventions;
import org.cairn.openbadges.DataIntegrity;
import org.cairn.openbadges.Multibase;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged endorsements served by a real HTTP server on 127.0.0.2, listed on a badge the attacker really issues there:
 * the badge itself stays valid, and each forged endorsement of it is reported as not valid with the check that caught
 * it. The genuine endorsement they are made from (a Cairn district's, accepted by the endorsed district) verifies.
 */
@Import(IssuingFixtures.class)
class EndorsementVerificationIntegrationTests extends IntegrationTest {

	private static final String BASE = "https://cairn.test";

	static FixtureServer attacker;

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void serve() throws UnknownHostException {
		attacker = new FixtureServer(null, InetAddress.getByName("127.0.0.2"));
	}

	@AfterAll
	static void stop() {
		attacker.close();
	}

	@Test
	void forgedEndorsementsOnABadgeAreFlaggedEachByTheCheckThatCaughtIt() throws Exception {
		// a genuine endorsement: district A endorses district B's badge class
		District a = data.district();
		District b = data.district();
		Person teacher = data.person(b, Role.TEACHER);
		Template template = fixtures.template(b, Period.ofYears(3));
		Award award = fixtures.grant(fixtures.award(teacher, template, "tier-1"));
		String badgeClass = get("/public/assertions/" + award.assertionId()).get("badge").asString();
		JsonNode made = json.readTree(data.as(data.person(a, Role.DISTRICT_ADMIN)).post().uri("/api/v1/endorsements")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("target", badgeClass, "comment", "Solid."))
			.exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
		String genuineUrl = made.get("url").asString();
		JsonNode genuine = get(genuineUrl);
		ObjectNode genuineCredential = (ObjectNode) get(made.get("credentialUrl").asString());

		// the attacker's own issuer and badge class on 127.0.0.2
		String prefix = "/academy-" + System.nanoTime();
		String issuerId = host(prefix + "/issuer.json", Map.of("@context", Conventions.CONTEXT_V2, "type", "Issuer",
				"id", attacker.url(prefix + "/issuer.json").toString(), "name", "Hostile Academy", "url",
				attacker.url("/").toString(), "email", "registrar@hostile.example"));
		String badgeId = attacker.url(prefix + "/badge.json").toString();

		// 1. the Cairn EndorsementCredential with its claim changed to the attacker's badge: the proof fails
		ObjectNode claimTampered = genuineCredential.deepCopy();
		((ObjectNode) claimTampered.get("credentialSubject")).put("id", badgeId);

		// 2. the same claim re-signed with the attacker's Ed25519 key, whose Multikey (on 127.0.0.2) claims the Cairn
		// endorser as its controller: the key is not published on the endorser's site
		KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] spki = ed.getPublic().getEncoded();
		String multikeyUrl = host(prefix + "/key.json", Map.of("@context", "https://w3id.org/security/multikey/v1",
				"id", attacker.url(prefix + "/key.json").toString(), "type", "Multikey", "controller",
				genuineCredential.get("issuer").get("id").asString(), "publicKeyMultibase",
				Multibase.ed25519PublicKey(Arrays.copyOfRange(spki, spki.length - 32, spki.length))));
		ObjectNode resigned = claimTampered.deepCopy();
		resigned.remove("proof");
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("@context", resigned.get("@context"));
		options.put("type", "DataIntegrityProof");
		options.put("cryptosuite", "eddsa-rdfc-2022");
		options.put("created", genuineCredential.get("validFrom").asString());
		options.put("verificationMethod", multikeyUrl);
		options.put("proofPurpose", "assertionMethod");
		byte[] data = DataIntegrity.hashData(json.writeValueAsString(options), json.writeValueAsString(resigned));
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(ed.getPrivate());
		signer.update(data);
		options.remove("@context");
		options.put("proofValue", Multibase.encode(signer.sign()));
		resigned.set("proof", json.valueToTree(options));

		// 3. a 2.0 Endorsement naming the Cairn endorser as its issuer, hosted on the attacker's origin
		String elsewhere = host(prefix + "/endorsement.json", Map.of("@context", Conventions.CONTEXT_V2, "type",
				"Endorsement", "id", attacker.url(prefix + "/endorsement.json").toString(), "claim",
				Map.of("id", badgeId, "endorsementComment", "Endorsed by Cairn (not really)"), "issuedOn",
				"2026-01-15T12:00:00Z", "issuer", genuine.get("issuer").asString(), "verification",
				Map.of("type", "HostedBadge")));

		// 4. a copy of the genuine 2.0 Endorsement with its claim changed, served by the attacker under the genuine id
		ObjectNode copied = (ObjectNode) genuine.deepCopy();
		((ObjectNode) copied.get("claim")).put("id", badgeId);
		String copy = host(prefix + "/copy.json", copied);

		List<Object> endorsements = new ArrayList<>(List.of(claimTampered, resigned, elsewhere, copy));
		host(prefix + "/badge.json", Map.of("@context", Conventions.CONTEXT_V2, "type", "BadgeClass", "id", badgeId,
				"name", "Robotics", "description", "Builds robots.", "image", "https://hostile.example/robot.png",
				"criteria", Map.of("narrative", "Build a robot."), "issuer", issuerId, "endorsement", endorsements));
		String assertionUrl = host(prefix + "/assertion.json", Map.of("@context", Conventions.CONTEXT_V2, "type",
				"Assertion", "id", attacker.url(prefix + "/assertion.json").toString(), "recipient",
				Map.of("type", "email", "hashed", false, "identity", "pat@school.example"), "badge", badgeId,
				"verification", Map.of("type", "HostedBadge"), "issuedOn", "2026-01-15T12:00:00Z"));

		JsonNode report = verify(Map.of("url", assertionUrl));

		assertThat(report.get("valid").asBoolean()).as("the attacker's own badge is genuine").isTrue();
		JsonNode listed = report.get("endorsements");
		assertThat(listed).hasSize(4);
		for (JsonNode e : listed) {
			assertThat(e.get("valid").asBoolean()).as(e.toString()).isFalse();
			assertThat(e.get("sentence").asString()).startsWith("This endorsement does not verify");
		}
		assertThat(failed(listed.get(0))).as(listed.get(0).toString()).contains("ob3.proof.eddsa-rdfc-2022");
		assertThat(failed(listed.get(1))).as(listed.get(1).toString()).contains("ob3.key");
		assertThat(failed(listed.get(2))).as(listed.get(2).toString()).contains("hosted.scope");
		assertThat(failed(listed.get(3))).as(listed.get(3).toString()).contains("consistency");

		// the genuine ones, given on their own, verify
		JsonNode real = verify(Map.of("url", genuineUrl));
		assertThat(real.get("valid").asBoolean()).as(real.toString()).isTrue();
		assertThat(real.get("kind").asString()).isEqualTo("Endorsement");
		JsonNode real3 = verify(Map.of("assertion", json.writeValueAsString(genuineCredential)));
		assertThat(real3.get("valid").asBoolean()).as(real3.toString()).isTrue();
		assertThat(real3.get("kind").asString()).isEqualTo("EndorsementCredential");
	}

	private static List<String> failed(JsonNode endorsement) {
		List<String> ids = new ArrayList<>();
		for (JsonNode check : endorsement.get("checks")) {
			if ("failed".equals(check.get("outcome").asString())) {
				ids.add(check.get("id").asString());
			}
		}
		return ids;
	}

	private String host(String path, Object document) {
		attacker.json(path, json.writeValueAsBytes(document));
		return attacker.url(path).toString();
	}

	private JsonNode get(String url) {
		return json.readTree(http.get().uri(url.replace(BASE, "")).accept(MediaType.parseMediaType("application/ld+json"))
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private JsonNode verify(Map<String, String> body) {
		return json.readTree(http.mutate().responseTimeout(Duration.ofSeconds(60)).build().post()
			.uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

}
