package org.cairn.endorsement;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.jsonwebtoken.Jwts;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.credential.IndependentDataIntegrity;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endorsements between two districts through the real service: endorse, accept, see it on the badge class (2.0) and
 * in the Achievement of a credential issued after (3.0), verify both forms with code that did not sign them (jjwt
 * for the JWS, {@link IndependentDataIntegrity} and the JDK's Ed25519 for the proof), withdraw and see it revoked.
 */
@Import(IssuingFixtures.class)
class EndorsementIntegrationTests extends IntegrationTest {

	private static final String BASE = "https://cairn.test";

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	record Districts(District endorser, Person endorserAdmin, District endorsed, Person endorsedAdmin,
			Person teacher, Template template, String badgeClassUrl) {
	}

	/** Two demo-style districts; the endorsed one has issued a badge, so its badge class is public. */
	private Districts twoDistricts() {
		District a = data.district();
		District b = data.district();
		Person teacher = data.person(b, Role.TEACHER);
		Template template = fixtures.template(b, Period.ofYears(3));
		Award award = fixtures.grant(fixtures.award(teacher, template, "tier-1"));
		JsonNode assertion = json.readTree(body("/public/assertions/" + award.assertionId(), "application/ld+json"));
		return new Districts(a, data.person(a, Role.DISTRICT_ADMIN), b, data.person(b, Role.DISTRICT_ADMIN), teacher,
				template, assertion.get("badge").asString());
	}

	@Test
	void aDistrictEndorsesAnotherDistrictsBadgeWhichAcceptsItAndBothFormsVerifyIndependently() throws Exception {
		Districts d = twoDistricts();
		WebTestClient endorser = data.as(d.endorserAdmin());
		WebTestClient endorsed = data.as(d.endorsedAdmin());

		// the picker offers the other district's badge, not the endorser's own district
		JsonNode targets = json.readTree(endorser.get().uri("/api/v1/endorsements/targets").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(targets.findValuesAsString("url")).contains(d.badgeClassUrl());
		assertThat(targets.findValuesAsString("name")).doesNotContain(d.endorser().name());

		String comment = "<script>alert('x')</script> **Strong** rubric; our teachers learned a lot.";
		JsonNode made = post(endorser, Map.of("target", d.badgeClassUrl(), "comment", comment), 201);
		String id = made.get("id").asString();
		assertThat(made.get("status").asString()).isEqualTo("pending");
		// retried: the same endorsement, nothing new
		assertThat(post(endorser, Map.of("target", d.badgeClassUrl(), "comment", comment), 200).get("id").asString())
			.isEqualTo(id);

		// not yet accepted: the badge class lists nothing
		assertThat(badgeClass(d).has("endorsement")).isFalse();

		// the endorser cannot accept on the endorsed district's behalf; the endorsed district sees it incoming
		endorser.put().uri("/api/v1/endorsements/incoming/" + id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decision", "accept")).exchange().expectStatus().isNotFound();
		JsonNode incoming = json.readTree(endorsed.get().uri("/api/v1/endorsements/incoming").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(incoming.get(0).get("id").asString()).isEqualTo(id);
		assertThat(incoming.get(0).get("comment").asString()).isEqualTo(comment);
		assertThat(incoming.get(0).get("endorserName").asString()).isEqualTo(d.endorser().name());

		decide(endorsed, id, "accept").expectStatus().isOk();
		decide(endorsed, id, "accept").expectStatus().isOk(); // retried

		// 2.0: listed on the badge class as served (the cached copy was dropped), and the Endorsement itself
		String url = BASE + "/public/endorsements/" + id;
		assertThat(badgeClass(d).get("endorsement").toString()).isEqualTo("[\"" + url + "\"]");
		JsonNode endorsement = json.readTree(body(url, "application/ld+json"));
		assertThat(endorsement.get("@context").asString()).isEqualTo("https://w3id.org/openbadges/v2");
		assertThat(endorsement.get("type").asString()).isEqualTo("Endorsement");
		assertThat(endorsement.get("id").asString()).isEqualTo(url);
		assertThat(endorsement.get("claim").get("id").asString()).isEqualTo(d.badgeClassUrl());
		assertThat(endorsement.get("claim").get("endorsementComment").asString()).isEqualTo(comment);
		assertThat(endorsement.get("verification").get("type").asString()).isEqualTo("hosted");
		JsonNode endorserProfile = json.readTree(body(endorsement.get("issuer").asString(), "application/ld+json"));
		assertThat(endorserProfile.get("name").asString()).isEqualTo(d.endorser().name());

		// 3.0: the EndorsementCredential's proof verifies with the Multikey the endorser publishes
		String credential = body(url + "/credential", "application/ld+json");
		JsonNode vc = json.readTree(credential);
		assertThat(vc.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"EndorsementCredential\"]");
		assertThat(vc.get("credentialSubject").get("id").asString()).isEqualTo(d.badgeClassUrl());
		assertThat(vc.get("credentialSubject").get("type").toString()).contains("EndorsementSubject");
		assertThat(vc.get("credentialSubject").get("endorsementComment").asString()).isEqualTo(comment);
		byte[] edKey = edKey(vc);
		IndependentDataIntegrity independent = new IndependentDataIntegrity(json);
		assertThat(independent.verifies(credential, edKey)).isTrue();
		ObjectNode tampered = (ObjectNode) json.readTree(credential);
		((ObjectNode) tampered.get("credentialSubject")).put("endorsementComment", "We never said this.");
		assertThat(independent.verifies(json.writeValueAsString(tampered), edKey)).isFalse();

		// a badge issued after acceptance carries the endorsement in its Achievement; both proofs verify
		Award later = fixtures.grant(fixtures.award(d.teacher(), d.template(), "tier-1"));
		String badgeCredential = awaitBody("/public/credentials/" + later.assertionId());
		JsonNode achievement = json.readTree(badgeCredential).get("credentialSubject").get("achievement");
		assertThat(achievement.get("endorsement")).hasSize(1);
		assertThat(achievement.get("endorsement").get(0).get("id").asString()).isEqualTo(url + "/credential");
		assertThat(independent.verifies(badgeCredential, edKey(json.readTree(badgeCredential)))).isTrue();
		assertThat(independent.verifies(json.writeValueAsString(achievement.get("endorsement").get(0)), edKey))
			.isTrue();

		// the verifier lists it, verified, on the badge (by URL) and on the 3.0 credential
		JsonNode report = verify(Map.of("url", BASE + "/public/assertions/" + later.assertionId()), null);
		assertThat(report.get("valid").asBoolean()).isTrue();
		JsonNode listed = report.get("endorsements").get(0);
		assertThat(listed.get("on").asString()).isEqualTo("badge");
		assertThat(listed.get("valid").asBoolean()).as(listed.toString()).isTrue();
		assertThat(listed.get("endorser").get("name").asString()).isEqualTo(d.endorser().name());
		assertThat(listed.get("comment").asString()).isEqualTo(comment);
		JsonNode report3 = verify(Map.of("assertion", badgeCredential), null);
		assertThat(report3.get("valid").asBoolean()).as(report3.toString()).isTrue();
		JsonNode listed3 = report3.get("endorsements").get(0);
		assertThat(listed3.get("on").asString()).isEqualTo("achievement");
		assertThat(listed3.get("kind").asString()).isEqualTo("EndorsementCredential");
		assertThat(listed3.get("valid").asBoolean()).as(listed3.toString()).isTrue();

		// the server-rendered report lists it with the comment escaped, never as markup
		String page = new String(http.mutate().responseTimeout(Duration.ofSeconds(60)).build().post()
			.uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML)
			.bodyValue(Map.of("url", BASE + "/public/assertions/" + later.assertionId())).exchange().expectStatus()
			.isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
		assertThat(page).contains("<h3>Endorsements</h3>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert");

		// the endorsed district recognises the endorser: the verifier says so to its admin
		endorsed.post().uri("/api/v1/district/trusted-issuers").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("issuerId", endorsement.get("issuer").asString())).exchange().expectStatus()
			.is2xxSuccessful();
		JsonNode recognised = json.readTree(endorsed.post().uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", BASE + "/public/assertions/" + later.assertionId())).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(recognised.get("endorsements").get(0).get("endorser").get("recognised").asBoolean()).isTrue();

		// withdrawn: gone from the badge class, 410 at its URL, revoked for the verifier (2.0 and 3.0)
		JsonNode withdrawn = json.readTree(endorser.post().uri("/api/v1/endorsements/sent/" + id + "/withdraw")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Program discontinued")).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(withdrawn.get("withdrawn").asBoolean()).isTrue();
		endorser.post().uri("/api/v1/endorsements/sent/" + id + "/withdraw").exchange().expectStatus().isOk();
		assertThat(badgeClass(d).has("endorsement")).isFalse();
		http.get().uri("/public/endorsements/" + id).exchange().expectStatus().isEqualTo(410);
		JsonNode revoked = verify(Map.of("url", url), null);
		assertThat(revoked.get("valid").asBoolean()).isFalse();
		assertThat(revoked.toString()).contains("Program discontinued");
		JsonNode revoked3 = verify(Map.of("assertion", credential), null);
		assertThat(revoked3.get("valid").asBoolean()).isFalse();
		assertThat(check(revoked3, "ob3.status").get("outcome").asString()).isEqualTo("failed");
		// the badge credential issued earlier still verifies; its embedded endorsement is now flagged as withdrawn
		JsonNode after = verify(Map.of("assertion", badgeCredential), null);
		assertThat(after.get("valid").asBoolean()).isTrue();
		assertThat(after.get("endorsements").get(0).get("revoked").asBoolean()).isTrue();
		assertThat(after.get("endorsements").get(0).get("valid").asBoolean()).isFalse();
		// and accepting a withdrawn endorsement is refused in plain words
		decide(endorsed, id, "accept").expectStatus().isEqualTo(409).expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aSigningDistrictsEndorsementOfAnIssuerIsSignedAndItsJwsVerifiesWithJjwt() throws Exception {
		Districts d = twoDistricts();
		WebTestClient endorser = data.as(d.endorserAdmin());
		endorser.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", true)).exchange()
			.expectStatus().isOk();
		JsonNode badge = badgeClass(d);
		String issuerUrl = badge.get("issuer").asString();
		JsonNode made = post(endorser, Map.of("target", issuerUrl, "comment", "A careful issuer."), 201);
		String id = made.get("id").asString();
		assertThat(made.get("targetKind").asString()).isEqualTo("issuer");
		decide(data.as(d.endorsedAdmin()), id, "hide").expectStatus().isOk();
		assertThat(json.readTree(body(issuerUrl, "application/ld+json")).has("endorsement")).isFalse();
		decide(data.as(d.endorsedAdmin()), id, "accept").expectStatus().isOk();
		assertThat(json.readTree(body(issuerUrl, "application/ld+json")).get("endorsement").toString())
			.contains("/public/endorsements/" + id);
		// the 3.0 Profile of the endorsed district embeds the EndorsementCredential
		String profileUrl = issuerUrl.replace("/public/issuers/", "/public/profiles/");
		JsonNode profile = json.readTree(body(profileUrl, "application/ld+json"));
		assertThat(profile.get("endorsement").get(0).get("credentialSubject").get("id").asString())
			.isEqualTo(profileUrl);

		String jws = body(BASE + "/public/endorsements/" + id + "/jws", "text/plain");
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[0]));
		String keyUrl = header.get("kid").asString();
		JsonNode key = json.readTree(body(keyUrl, "application/ld+json"));
		String pem = key.get("publicKeyPem").asString().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		PublicKey rsa = KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
		// jjwt reads the JSON payload as claims: the Endorsement's properties
		JsonNode signed = json.valueToTree(Jwts.parser().verifyWith(rsa).build().parseSignedClaims(jws).getPayload());
		assertThat(signed.get("type").asString()).isEqualTo("Endorsement");
		assertThat(signed.get("claim").get("id").asString()).isEqualTo(issuerUrl);
		assertThat(signed.get("verification").get("type").asString()).isEqualTo("signed");
		assertThat(signed.get("verification").get("creator").asString()).isEqualTo(keyUrl);
		// the verifier checks the JWS given on its own
		JsonNode report = verify(Map.of("jws", jws), null);
		assertThat(report.get("kind").asString()).isEqualTo("Endorsement");
		assertThat(check(report, "signature.valid").get("outcome").asString()).isEqualTo("passed");
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();

		// withdrawn: listed in the endorser's revocation list, so the signed form fails too
		endorser.post().uri("/api/v1/endorsements/sent/" + id + "/withdraw").exchange().expectStatus().isOk();
		JsonNode again = verify(Map.of("jws", jws), null);
		assertThat(again.get("valid").asBoolean()).isFalse();
		assertThat(check(again, "revocation").get("outcome").asString()).isEqualTo("failed");
		assertThat(json.readTree(body(issuerUrl, "application/ld+json")).has("endorsement")).isFalse();
	}

	@Test
	void aDistrictCannotEndorseItselfNorAnAddressThatIsNoBadgeAndEveryRefusalIsPlain() {
		Districts d = twoDistricts();
		WebTestClient endorsed = data.as(d.endorsedAdmin());
		JsonNode self = problem(endorsed, Map.of("target", d.badgeClassUrl()), 422);
		assertThat(self.get("type").asString()).endsWith("self-endorsement");
		assertThat(self.get("detail").asString()).contains("cannot endorse its own");
		JsonNode notBadge = problem(endorsed, Map.of("target", "not a url"), 422);
		assertThat(notBadge.get("detail").asString()).contains("full address");
		// loopback is refused by the address policy; nothing is fetched from it
		JsonNode loopback = problem(endorsed, Map.of("target", "http://127.0.0.1:9/badge.json"), 422);
		assertThat(loopback.get("detail").asString()).startsWith("Cairn could not read a badge or issuer at");
		assertThat(loopback.toString()).doesNotContain("Exception");
		// a teacher cannot endorse
		data.as(d.teacher()).post().uri("/api/v1/endorsements").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("target", d.badgeClassUrl())).exchange().expectStatus().isForbidden();
		// another district cannot withdraw what it did not make
		JsonNode made = post(data.as(d.endorserAdmin()), Map.of("target", d.badgeClassUrl()), 201);
		endorsed.post().uri("/api/v1/endorsements/sent/" + made.get("id").asString() + "/withdraw").exchange()
			.expectStatus().isNotFound();
	}

	private JsonNode badgeClass(Districts d) {
		return json.readTree(body(d.badgeClassUrl(), "application/ld+json"));
	}

	private JsonNode post(WebTestClient client, Map<String, String> body, int status) {
		// a signing district's first endorsement waits for its first RSA-3072 key: seconds on a busy machine
		return json.readTree(client.mutate().responseTimeout(Duration.ofSeconds(60)).build().post().uri("/api/v1/endorsements").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody().returnResult()
			.getResponseBody());
	}

	private JsonNode problem(WebTestClient client, Map<String, String> body, int status) {
		return json.readTree(client.post().uri("/api/v1/endorsements").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectStatus().isEqualTo(status).expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult()
			.getResponseBody());
	}

	private WebTestClient.ResponseSpec decide(WebTestClient client, String id, String decision) {
		return client.put().uri("/api/v1/endorsements/incoming/" + id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("decision", decision)).exchange();
	}

	private JsonNode verify(Map<String, String> body, String district) {
		return json.readTree(http.mutate().responseTimeout(Duration.ofSeconds(60)).build().post()
			.uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private static JsonNode check(JsonNode report, String id) {
		for (JsonNode check : report.get("checks")) {
			if (id.equals(check.get("id").asString())) {
				return check;
			}
		}
		throw new AssertionError("no check " + id + " in " + report);
	}

	private byte[] edKey(JsonNode credential) {
		// a badge's credential lists its proofs (1EdTech's schema wants an array); an endorsement carries one
		JsonNode proof = credential.get("proof").isArray() ? credential.get("proof").get(0) : credential.get("proof");
		JsonNode multikey = json.readTree(body(proof.get("verificationMethod").asString(),
				"application/ld+json"));
		assertThat(multikey.get("controller").asString()).isEqualTo(credential.get("issuer").get("id").asString());
		return IndependentDataIntegrity.rawKey(multikey.get("publicKeyMultibase").asString());
	}

	/** The credential of a new badge (issued in the background: waits for it). */
	private String awaitBody(String path) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			var result = http.get().uri(path).accept(MediaType.parseMediaType("application/ld+json")).exchange()
				.returnResult(byte[].class);
			if (result.getStatus().value() == 200) {
				return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no credential at " + path);
	}

	private String body(String url, String accept) {
		String path = url.startsWith(BASE) ? url.substring(BASE.length()) : url;
		byte[] bytes = http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri(path)
			.accept(MediaType.parseMediaType(accept)).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody();
		return new String(bytes, StandardCharsets.UTF_8);
	}


}
