package org.cairn.verification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.baking.PngBaking;
import org.cairn.baking.SvgBaking;
import org.cairn.district.District;
import org.cairn.openbadges.Conventions;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.VerificationApiIntegrationTests.failed;
import static org.cairn.verification.VerificationApiIntegrationTests.outcome;

/**
 * Forged and hostile badges served by a real HTTP server on 127.0.0.2 (the only loopback address the test
 * configuration lets the verifier fetch from), posted to the public endpoint. Each case names the check that must
 * refuse it; every one of them was accepted, or answered with a 500 or a hang, before issue 11 was fixed.
 */
@Import(IssuedBadges.class)
class VerificationAdversarialIntegrationTests extends IntegrationTest {

	private static final String ATTACKER = "mallory@attacker.example";

	static FixtureServer attacker;

	/** A second origin on the same host name but another port. */
	static FixtureServer otherPort;

	@Autowired
	IssuedBadges badges;

	@Autowired
	JsonMapper json;

	record Cairn(Person admin, Person teacher, JsonNode badge, ObjectNode assertion, String issuerName) {
	}

	private static Cairn hosted;

	@BeforeAll
	static void serve() throws UnknownHostException {
		InetAddress address = InetAddress.getByName("127.0.0.2");
		attacker = new FixtureServer(null, address);
		otherPort = new FixtureServer(null, address);
	}

	@AfterAll
	static void stop() {
		attacker.close();
		otherPort.close();
	}

	@BeforeEach
	void clear() {
		attacker.clear();
		otherPort.clear();
	}

	// ---- forged copies of a Cairn badge --------------------------------------------------------------------------

	@Test
	void aCopyOfACairnBadgeWithTheAttackersEmailHostedElsewhereIsNotValid() {
		ObjectNode forged = cairnHosted().assertion().deepCopy();
		forged.set("recipient", json.valueToTree(Map.of("type", "email", "hashed", false, "identity", ATTACKER)));
		String url = host(attacker, "/forged.json", forged);

		JsonNode report = verify(Map.of("url", url, "recipient", ATTACKER));

		assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
		assertThat(failed(report)).as(report.toString()).contains("consistency");
		assertThat(outcome(report, "consistency")).isEqualTo("failed");
		assertThat(VerificationApiIntegrationTests.sentence(report, "consistency"))
			.startsWith("This is a copy served from somewhere else");
		assertThat(VerificationApiIntegrationTests.sentence(report, "hosted.scope"))
			.isEqualTo("Published on a site " + cairnHosted().issuerName() + " does not use for its badges.");
	}

	@Test
	void aCopyCarryingAMadeUpCairnIdIsNotValid() {
		ObjectNode forged = cairnHosted().assertion().deepCopy();
		forged.put("id", "https://cairn.test/public/assertions/made-up-" + System.nanoTime());
		JsonNode report = verify(Map.of("url", host(attacker, "/made-up.json", forged)));

		assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
		assertThat(failed(report)).contains("consistency");
	}

	@Test
	void aCopyCarryingARevokedCairnIdIsNotValid() {
		Cairn revoked = issueHosted();
		data.as(revoked.admin()).post().uri("/api/v1/assertions/{id}/revoke", revoked.badge().get("id").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Awarded in error"))
			.exchange().expectStatus().isOk();
		ObjectNode forged = revoked.assertion().deepCopy();
		forged.remove("revoked");
		JsonNode report = verify(Map.of("url", host(attacker, "/revoked-copy.json", forged)));

		assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
		assertThat(failed(report)).contains("consistency");
	}

	@Test
	void pngAndSvgBakedWithTheForgedUrlAreNotValid() {
		ObjectNode forged = cairnHosted().assertion().deepCopy();
		forged.set("recipient", json.valueToTree(Map.of("type", "email", "hashed", false, "identity", ATTACKER)));
		String url = host(attacker, "/baked.json", forged);
		byte[] png = PngBaking.bake(download(cairnHosted().badge().get("pngUrl").asString()), url);
		String svg = SvgBaking.bakeSigned(
				new String(download(cairnHosted().badge().get("svgUrl").asString()), StandardCharsets.UTF_8)
					.replaceAll("(?s)<openbadges:assertion.*?(/>|</openbadges:assertion>)", ""),
				url);
		for (byte[] file : List.of(png, svg.getBytes(StandardCharsets.UTF_8))) {
			JsonNode report = upload(file, "badge", ATTACKER);
			assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
			assertThat(failed(report)).as(report.toString()).contains("consistency");
		}
	}

	// ---- another issuer's hosted badges ----------------------------------------------------------------------------

	@Test
	void aHostedBadgeServedWithRevokedTrueIsRevoked() {
		Foreign issuer = new Foreign(attacker, null);
		ObjectNode assertion = issuer.assertion("/a/revoked-flag.json");
		assertion.put("revoked", true);
		assertion.put("revocationReason", "Plagiarised evidence");
		issuer.publish(assertion);

		JsonNode report = verify(Map.of("url", assertion.get("id").asString()));

		assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
		assertThat(failed(report)).contains("revocation");
		assertThat(report.get("assertion").get("revoked").asBoolean()).isTrue();
	}

	@Test
	void aHostedBadgeInItsIssuersRevocationListIsRevoked() {
		Foreign issuer = new Foreign(attacker, null);
		ObjectNode assertion = issuer.assertion("/a/listed.json");
		issuer.publish(assertion);
		issuer.profile.put("revocationList", attacker.url("/revocations.json").toString());
		issuer.publishProfile();
		host(attacker, "/revocations.json", json.valueToTree(Map.of("@context", Conventions.CONTEXT_V2, "type",
				"RevocationList", "id", attacker.url("/revocations.json").toString(), "issuer", issuer.id(),
				"revokedAssertions", List.of(Map.of("id", assertion.get("id").asString(), "revocationReason",
						"Issued to the wrong person")))));

		JsonNode report = verify(Map.of("url", assertion.get("id").asString()));

		assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
		assertThat(failed(report)).containsExactly("revocation");
	}

	@Test
	void aHostedBadgeOutsideItsIssuersAllowedOriginsIsRefused() {
		Foreign issuer = new Foreign(attacker, List.of("badges.other.example"));
		ObjectNode assertion = issuer.assertion("/a/wrong-origin.json");
		issuer.publish(assertion);

		JsonNode report = verify(Map.of("url", assertion.get("id").asString()));

		assertThat(failed(report)).as(report.toString()).containsExactly("hosted.scope");
	}

	@Test
	void allowedOriginsCompareTheAuthorityWithItsPort() {
		Foreign hostOnly = new Foreign(attacker, List.of("127.0.0.2"));
		ObjectNode assertion = hostOnly.assertion("/a/host-only.json");
		hostOnly.publish(assertion);
		JsonNode refused = verify(Map.of("url", assertion.get("id").asString()));
		assertThat(failed(refused)).as(refused.toString()).containsExactly("hosted.scope");

		Foreign withPort = new Foreign(attacker, List.of("127.0.0.2:" + attacker.port()));
		ObjectNode good = withPort.assertion("/a/with-port.json");
		withPort.publish(good);
		JsonNode accepted = verify(Map.of("url", good.get("id").asString()));
		assertThat(accepted.get("valid").asBoolean()).as(accepted.toString()).isTrue();
		assertThat(outcome(accepted, "hosted.scope")).isEqualTo("passed");
	}

	@Test
	void withoutAPolicyTheAssertionMustShareTheIssuersPortToo() {
		Foreign issuer = new Foreign(attacker, null);
		ObjectNode assertion = issuer.assertionOn(otherPort, "/a/other-port.json");
		host(otherPort, "/a/other-port.json", assertion);
		issuer.publishProfile();

		JsonNode report = verify(Map.of("url", assertion.get("id").asString()));

		assertThat(failed(report)).as(report.toString()).containsExactly("hosted.scope");
	}

	@Test
	void aSignedBadgeWhoseKeyDocumentNamesAnotherIssuerIsRefused() throws Exception {
		Foreign issuer = new Foreign(attacker, null);
		KeyPair pair = rsa();
		String keyUrl = attacker.url("/key.json").toString();
		issuer.profile.set("publicKey", json.valueToTree(List.of(keyUrl)));
		issuer.publishProfile();
		host(attacker, "/key.json", json.valueToTree(Map.of("@context", Conventions.CONTEXT_V2, "type",
				"CryptographicKey", "id", keyUrl, "owner", "https://cairn.test/public/issuers/someone-else",
				"publicKeyPem", pem(pair))));
		ObjectNode assertion = issuer.assertion("/a/signed.json");
		assertion.set("verification", json.valueToTree(Map.of("type", "SignedBadge", "creator", keyUrl)));
		JWSObject signedObject = new JWSObject(new JWSHeader(JWSAlgorithm.RS256),
				new Payload(json.writeValueAsString(assertion)));
		signedObject.sign(new RSASSASigner(pair.getPrivate()));

		JsonNode report = verify(Map.of("jws", signedObject.serialize()));

		assertThat(failed(report)).as(report.toString()).containsExactly("signature.key");
		assertThat(outcome(report, "signature.valid")).isEqualTo("skipped");
	}

	// ---- inputs that made the endpoint answer 500 or hang -----------------------------------------------------------

	@Test
	void aFormBodyWithABrokenPercentEscapeIsABadRequest() {
		http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("url=%ZZ")
			.exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aMultipartBodyWithoutItsClosingBoundaryIsABadRequest() {
		String body = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\nnot finished";
		http.post().uri("/api/v1/verifications").header("Content-Type", "multipart/form-data; boundary=xyz")
			.bodyValue(body.getBytes(StandardCharsets.ISO_8859_1))
			.exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anSvgNestedOneHundredThousandDeepIsRefusedPromptly() {
		StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\">");
		svg.append("<g>".repeat(100_000)).append("</g>".repeat(100_000)).append("</svg>");
		JsonNode report = json.readTree(http.mutate().responseTimeout(Duration.ofSeconds(15)).build()
			.post().uri("/api/v1/verifications").contentType(MediaType.parseMediaType("image/svg+xml"))
			.bodyValue(svg.toString().getBytes(StandardCharsets.UTF_8))
			.exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());

		assertThat(report.get("valid").asBoolean()).isFalse();
		assertThat(failed(report)).contains("input.extract");
	}

	// ---- helpers ---------------------------------------------------------------------------------------------------

	/** A small issuer of its own on a fixture server: profile, badge class and hosted assertions. */
	private final class Foreign {

		final FixtureServer server;

		final ObjectNode profile;

		Foreign(FixtureServer server, List<String> allowedOrigins) {
			this.server = server;
			String prefix = "/issuer-" + System.nanoTime();
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("@context", Conventions.CONTEXT_V2);
			p.put("type", "Issuer");
			p.put("id", server.url(prefix + "/profile.json").toString());
			p.put("name", "Hostile Academy");
			p.put("url", server.url("/").toString());
			p.put("email", "registrar@hostile.example");
			if (allowedOrigins != null) {
				p.put("verification", Map.of("type", "VerificationObject", "allowedOrigins", allowedOrigins));
			}
			this.profile = json.valueToTree(p);
			publishProfile();
			host(server, prefix + "/badge.json", json.valueToTree(Map.of("@context", Conventions.CONTEXT_V2, "type",
					"BadgeClass", "id", server.url(prefix + "/badge.json").toString(), "name", "Robotics",
					"description", "Builds robots.", "image", "https://hostile.example/robot.png", "criteria",
					Map.of("narrative", "Build a robot."), "issuer", id())));
		}

		String id() {
			return profile.get("id").asString();
		}

		String badgeId() {
			return id().replace("/profile.json", "/badge.json");
		}

		void publishProfile() {
			host(server, java.net.URI.create(id()).getPath(), profile);
		}

		ObjectNode assertion(String path) {
			return assertionOn(server, path);
		}

		ObjectNode assertionOn(FixtureServer where, String path) {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("@context", Conventions.CONTEXT_V2);
			a.put("type", "Assertion");
			a.put("id", where.url(path).toString());
			a.put("recipient", Map.of("type", "email", "hashed", false, "identity", "pat@school.example"));
			a.put("badge", badgeId());
			a.put("verification", Map.of("type", "HostedBadge"));
			a.put("issuedOn", "2026-01-15T12:00:00Z");
			return json.valueToTree(a);
		}

		void publish(ObjectNode assertion) {
			host(server, java.net.URI.create(assertion.get("id").asString()).getPath(), assertion);
		}

	}

	private Cairn cairnHosted() {
		if (hosted == null) {
			hosted = issueHosted();
		}
		return hosted;
	}

	private Cairn issueHosted() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		badges.mode(data.as(admin), "HOSTED");
		JsonNode badge = badges.issue(district, teacher, data.as(teacher));
		ObjectNode assertion = (ObjectNode) json.readTree(http.get()
			.uri(badge.get("url").asString().replace("https://cairn.test", ""))
			.accept(MediaType.parseMediaType("application/ld+json"))
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		return new Cairn(admin, teacher, badge, assertion, district.name());
	}

	private String host(FixtureServer server, String path, JsonNode document) {
		server.json(path, json.writeValueAsBytes(document));
		return server.url(path).toString();
	}

	private JsonNode verify(Map<String, String> body) {
		return json.readTree(http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
	}

	private JsonNode upload(byte[] file, String name, String recipient) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", file).filename(name).contentType(MediaType.APPLICATION_OCTET_STREAM);
		body.part("recipient", recipient);
		return json.readTree(http.post().uri("/api/v1/verifications").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
	}

	private byte[] download(String url) {
		return http.get().uri(url.replace("https://cairn.test", "")).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody();
	}

	private static KeyPair rsa() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static String pem(KeyPair pair) {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(pair.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

}
