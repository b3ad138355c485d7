package org.cairn.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
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
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every award also yields an Open Badges 3.0 credential, and both of its proofs verify with code that did not make
 * them: the Data Integrity proof with {@link IndependentDataIntegrity} and the JDK's Ed25519, the VC-JWT with jjwt
 * and the JWK the district publishes.
 */
@Import(IssuingFixtures.class)
class Ob3CredentialIntegrationTests extends IntegrationTest {

	private static final String BASE = "https://cairn.test";

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Credentials credentials;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void everyAwardYieldsAnOpenBadgeCredentialWhoseTwoProofsVerifyIndependently() throws Exception {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, Period.ofYears(3));
		Award award = fixtures.grant(fixtures.award(teacher, template, "tier-1"));
		String id = award.assertionId();
		awaitCredential(id);

		String document = body("/public/credentials/" + id, "application/ld+json");
		JsonNode credential = json.readTree(document);
		assertThat(credential.get("@context").toString()).isEqualTo(
				"[\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]");
		assertThat(credential.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
		assertThat(credential.get("id").asString()).isEqualTo(BASE + "/public/credentials/" + id);
		JsonNode issuer = credential.get("issuer");
		assertThat(issuer.get("type").toString()).contains("Profile");
		assertThat(issuer.get("name").asString()).isEqualTo(district.name());
		assertThat(credential.get("validUntil").asString()).isGreaterThan(credential.get("validFrom").asString());
		assertThat(credential.get("credentialStatus").get("type").asString()).isEqualTo("1EdTechRevocationList");
		JsonNode subject = credential.get("credentialSubject");
		assertThat(subject.get("type").toString()).contains("AchievementSubject");
		JsonNode identity = subject.get("identifier").get(0);
		assertThat(identity.get("identityType").asString()).isEqualTo("emailAddress");
		assertThat(identity.get("hashed").asBoolean()).isTrue();
		assertThat(identity.get("identityHash").asString())
			.isEqualTo("sha256$" + sha256Hex(teacher.email().toLowerCase() + identity.get("salt").asString()));
		assertThat(document).doesNotContain(teacher.email());
		JsonNode achievement = subject.get("achievement");
		assertThat(achievement.get("achievementType").asString()).isEqualTo("MicroCredential");
		assertThat(achievement.get("name").asString()).isEqualTo("Formative Assessment: Tier 1: Research");
		assertThat(achievement.get("criteria").get("narrative").asString()).contains("Pass every requirement");
		assertThat(achievement.get("image").get("id").asString()).endsWith("/image");
		assertThat(achievement.get("alignment").get(0).get("targetCode").asString()).isEqualTo("3d");
		JsonNode result = achievement.get("resultDescription").get(0);
		assertThat(result.get("resultType").asString()).isEqualTo("RubricCriterionLevel");
		assertThat(result.get("rubricCriterionLevel")).hasSize(2);
		assertThat(result.get("requiredLevel").asString())
			.isEqualTo(result.get("rubricCriterionLevel").get(1).get("id").asString());

		// eddsa-rdfc-2022, checked with the Multikey the issuer publishes
		assertThat(credential.get("proof").isArray()).as("a list of proofs, as 1EdTech's schema wants").isTrue();
		JsonNode proof = credential.get("proof").get(0);
		assertThat(proof.get("type").asString()).isEqualTo("DataIntegrityProof");
		assertThat(proof.get("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
		JsonNode multikey = json.readTree(body(proof.get("verificationMethod").asString(), "application/ld+json"));
		assertThat(multikey.get("type").asString()).isEqualTo("Multikey");
		assertThat(multikey.get("controller").asString()).isEqualTo(issuer.get("id").asString());
		byte[] edKey = IndependentDataIntegrity.rawKey(multikey.get("publicKeyMultibase").asString());
		IndependentDataIntegrity independent = new IndependentDataIntegrity(json);
		assertThat(independent.verifies(document, edKey)).isTrue();
		ObjectNode tampered = (ObjectNode) json.readTree(document);
		((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("name", "Doctorate in Everything");
		assertThat(independent.verifies(json.writeValueAsString(tampered), edKey)).isFalse();

		// VC-JWT, checked by jjwt with the JWK named by kid in the district's key set
		String jwt = body("/public/credentials/" + id + "/jwt", "application/vc+jwt");
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		String kid = header.get("kid").asString();
		assertThat(kid).startsWith(issuer.get("id").asString() + "/jwks#");
		JsonNode set = json.readTree(body(kid.substring(0, kid.indexOf('#')), "application/jwk-set+json"));
		JsonNode jwk = null;
		for (JsonNode candidate : set.get("keys")) {
			if (kid.equals(candidate.get("kid").asString())) {
				jwk = candidate;
			}
		}
		assertThat(jwk).as("the key set lists the kid").isNotNull();
		PublicKey rsa = (PublicKey) Jwks.parser().build().parse(jwk.toString()).toKey();
		Jws<Claims> verified = Jwts.parser().verifyWith(rsa).build().parseSignedClaims(jwt);
		Claims claims = verified.getPayload();
		assertThat(claims.getIssuer()).isEqualTo(issuer.get("id").asString());
		assertThat(claims.getId()).isEqualTo(credential.get("id").asString());
		assertThat(claims.getNotBefore().toInstant().toString()).isEqualTo(credential.get("validFrom").asString());
		assertThat(claims.getExpiration().toInstant().toString()).isEqualTo(credential.get("validUntil").asString());
		assertThat(json.readTree(json.writeValueAsString(claims.get("credentialSubject", Map.class))))
			.isEqualTo(subject);

		// the 2.0 address answers in 3.0 when asked to; otherwise with the 2.0 assertion as before
		assertThat(body("/public/assertions/" + id, "application/vc")).isEqualTo(document);
		assertThat(body("/public/assertions/" + id, "application/vc+jwt")).isEqualTo(jwt);
		assertThat(json.readTree(body("/public/assertions/" + id, "application/ld+json")).get("type").asString())
			.isEqualTo("Assertion");

		// the PDF certificate carries the 3.0 credential beside the 2.0 assertion (read back by PDFBox)
		byte[] pdf = http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get()
			.uri("/public/assertions/{id}/certificate.pdf", id).exchange().expectStatus().isOk().expectBody()
			.returnResult().getResponseBody();
		try (PDDocument certificate = Loader.loadPDF(pdf)) {
			Map<String, String> files = new java.util.HashMap<>();
			PDEmbeddedFilesNameTreeNode tree = certificate.getDocumentCatalog().getNames() == null ? null
					: certificate.getDocumentCatalog().getNames().getEmbeddedFiles();
			if (tree != null && tree.getNames() != null) {
				for (PDComplexFileSpecification spec : tree.getNames().values()) {
					files.put(spec.getFilename(), new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8));
				}
			}
			assertThat(files).containsKey("openbadges-assertion.json");
			assertThat(files.get("openbadges-credential-v3.json")).isEqualTo(document);
		}

		JsonNode profile = json.readTree(body(issuer.get("id").asString(), "application/ld+json"));
		assertThat(profile.get("type").toString()).contains("Profile");
		assertThat(profile.get("@context").toString()).contains("https://www.w3.org/ns/credentials/v2");
	}

	@Test
	void revokingTheBadgeListsItsCredentialAndStopsServingIt() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		String id = fixtures.grant(fixtures.award(teacher, template, "tier-1")).assertionId();
		awaitCredential(id);
		JsonNode credential = json.readTree(body("/public/credentials/" + id, "application/ld+json"));
		assertThat(credential.has("validUntil")).isFalse();
		String statusUrl = credential.get("credentialStatus").get("id").asString();
		assertThat(json.readTree(body(statusUrl, "application/json")).get("revokedCredential")).isEmpty();

		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Issued in error")).exchange().expectStatus().isOk();

		JsonNode list = json.readTree(body(statusUrl, "application/json"));
		assertThat(list.get("revokedCredential")).hasSize(1);
		assertThat(list.get("revokedCredential").get(0).get("id").asString()).isEqualTo(credential.get("id").asString());
		assertThat(list.get("revokedCredential").get(0).get("revocationReason").asString()).isEqualTo("Issued in error");
		http.get().uri("/public/credentials/{id}", id).exchange().expectStatus().isEqualTo(410)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * A credential issued before proofs were listed (its one proof an object, which 1EdTech's schema refuses) is
	 * served with the proof as a list of one, and still verifies: the proof is not part of what is signed.
	 */
	@Test
	void aCredentialIssuedWithItsProofAsAnObjectIsServedWithAListAndStillVerifies() throws Exception {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), "tier-1")).assertionId();
		awaitCredential(id);
		ObjectNode older = (ObjectNode) json.readTree(credentials.stored(id).block().json());
		older.set("proof", older.get("proof").get(0));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("json", json.writeValueAsString(older)), StoredCredential.class).block();

		JsonNode served = json.readTree(body("/public/credentials/" + id, "application/ld+json"));
		assertThat(served.get("proof").isArray()).isTrue();
		assertThat(served.get("proof").get(0)).isEqualTo(older.get("proof"));
		byte[] edKey = IndependentDataIntegrity.rawKey(json.readTree(body(
				served.get("proof").get(0).get("verificationMethod").asString(), "application/ld+json"))
			.get("publicKeyMultibase").asString());
		assertThat(new IndependentDataIntegrity(json).verifies(json.writeValueAsString(served), edKey)).isTrue();
		JsonNode report = json.readTree(http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).bodyValue(Map.of("assertion", json.writeValueAsString(served)))
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
	}

	@Test
	void anUnknownCredentialIsAProblemNotAnError() {
		http.get().uri("/public/credentials/nope").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * Waits until the credential issued on the assertion's event is stored, as a holder would find it later (the
	 * queue may still be busy with other districts' credentials on a busy shared machine).
	 */
	private void awaitCredential(String assertionId) throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			if (credentials.stored(assertionId).blockOptional().isPresent()) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no 3.0 credential for assertion " + assertionId);
	}

	private String body(String url, String accept) {
		String path = url.startsWith(BASE) ? url.substring(BASE.length()) : url;
		// the first VC-JWT waits for the district's first RSA-3072 key: seconds on a busy shared machine
		byte[] bytes = http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri(path).accept(MediaType.parseMediaType(accept)).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody();
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static String sha256Hex(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
