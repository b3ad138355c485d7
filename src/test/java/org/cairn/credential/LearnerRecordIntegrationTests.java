package org.cairn.credential;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.openbadges.JsonSchemas;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed learner record (CLR 2.0): badges issued through the real service, the record downloaded as a teacher
 * and as their administrator, its proof and every credential inside checked by code that did not make them
 * ({@link IndependentDataIntegrity}, the JDK's Ed25519, jjwt), each validated against 1EdTech's vendored schemas
 * by networknt's validator; a tampered record is refused by the verifier, a revoked badge is left out, another
 * district's administrator gets 404.
 */
@Import(IssuingFixtures.class)
class LearnerRecordIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Credentials credentials;

	@Test
	void aTeacherDownloadsASignedRecordOfTheirCurrentBadgesAndHoursThatVerifiesIndependently() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.templateWithTiers(district, Period.ofYears(3), List.of(
				tier("tier-1", "Tier 1: Research", 7.5), tier("tier-2", "Tier 2: Practice", 4.0),
				tier("tier-3", "Tier 3: Coaching", 2.0)));
		String research = fixtures.grant(fixtures.award(teacher, template, "tier-1")).assertionId();
		String practice = fixtures.grant(fixtures.award(teacher, template, "tier-2")).assertionId();
		String revoked = fixtures.grant(fixtures.award(teacher, template, "tier-3")).assertionId();
		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", revoked).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Issued in error")).exchange().expectStatus().isOk();

		var download = slow(data.as(teacher)).get().uri("/api/v1/me/learner-record").exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("application/vc")
			.expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"learner-record-.*\\.json\"")
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody().returnResult();
		String document = new String(download.getResponseBody(), StandardCharsets.UTF_8);
		JsonNode record = json.readTree(document);

		assertThat(record.get("@context").toString()).isEqualTo("[\"https://www.w3.org/ns/credentials/v2\","
				+ "\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\","
				+ "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"]");
		assertThat(record.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"ClrCredential\"]");
		assertThat(record.get("issuer").get("name").asString()).isEqualTo(district.name());
		assertThat(document).doesNotContain(teacher.email());
		JsonNode subject = record.get("credentialSubject");
		assertThat(subject.get("type").toString()).contains("ClrSubject");

		// the current badges exactly as the district signed them; the revoked one is left out
		List<String> held = new ArrayList<>();
		subject.get("verifiableCredential").forEach(c -> held.add(c.get("id").asString()));
		assertThat(held).containsExactlyInAnyOrder("https://cairn.test/public/credentials/" + research,
				"https://cairn.test/public/credentials/" + practice);
		for (JsonNode credential : subject.get("verifiableCredential")) {
			String id = credential.get("id").asString();
			assertThat(credential).isEqualTo(json.readTree(body(id.substring("https://cairn.test".length()))));
		}

		// hours per badge (creditsAvailable of each badge's achievement) and in total, linked by associations
		Map<String, Double> hours = new java.util.HashMap<>();
		String total = null;
		for (JsonNode achievement : subject.get("achievement")) {
			hours.put(achievement.get("name").asString(), achievement.get("creditsAvailable").asDouble());
			if (achievement.get("name").asString().equals("Professional learning record")) {
				total = achievement.get("id").asString();
			}
		}
		assertThat(hours).containsEntry("Formative Assessment: Tier 1: Research", 7.5)
			.containsEntry("Formative Assessment: Tier 2: Practice", 4.0)
			.containsEntry("Professional learning record", 11.5)
			.hasSize(3);
		assertThat(subject.get("association")).hasSize(2);
		for (JsonNode association : subject.get("association")) {
			assertThat(association.get("associationType").asString()).isEqualTo("isParentOf");
			assertThat(association.get("sourceId").asString()).isEqualTo(total);
		}
		assertThat(record.get("description").asString()).contains("11.5 professional learning hours");

		// the record's proof and each credential's, checked independently with the Multikeys the district publishes
		IndependentDataIntegrity independent = new IndependentDataIntegrity(json);
		assertThat(independent.verifies(document, multikey(record))).as("the record's proof").isTrue();
		for (JsonNode credential : subject.get("verifiableCredential")) {
			assertThat(independent.verifies(json.writeValueAsString(credential), multikey(credential)))
				.as("the proof of " + credential.get("id")).isTrue();
		}

		// 1EdTech's schemas (vendored): every credential against the Open Badges 3.0 schema, the record's parts
		// against the definitions CLR 2.0 shares with it and CLR's own association
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
				builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
					.schemaIdResolvers(ids -> ids.mappings(JsonSchemas.VENDORED))));
		Schema credentialSchema = registry.getSchema(SchemaLocation.of(JsonSchemas.ACHIEVEMENT_CREDENTIAL));
		for (JsonNode credential : subject.get("verifiableCredential")) {
			assertThat(credentialSchema.validate(credential)).isEmpty();
		}
		Schema achievementSchema = registry.getSchema(
				SchemaLocation.of(JsonSchemas.ACHIEVEMENT_CREDENTIAL + "#/$defs/Achievement"));
		subject.get("achievement").forEach(a -> assertThat(achievementSchema.validate(a)).isEmpty());
		Schema associationSchema = registry.getSchema(SchemaLocation.of(JsonSchemas.CLR_CREDENTIAL + "#/$defs/Association"));
		subject.get("association").forEach(a -> assertThat(associationSchema.validate(a)).isEmpty());
		assertThat(registry.getSchema(SchemaLocation.of(JsonSchemas.ACHIEVEMENT_CREDENTIAL + "#/$defs/Profile"))
			.validate(record.get("issuer"))).isEmpty();

		// Cairn's verifier: the record and every credential in it
		JsonNode report = verify(Map.of("assertion", document, "recipient", teacher.email()));
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("kind").asString()).isEqualTo("ClrCredential");
		for (String check : List.of("ob3.context", "ob3.structure", "ob3.schema", "ob3.proof.eddsa-rdfc-2022",
				"ob3.key", "ob3.validity", "recipient.match", "clr.credentials")) {
			assertThat(outcome(report, check)).as(check + " in " + report).isEqualTo("passed");
		}
		assertThat(report.get("credentials")).hasSize(2);
		for (JsonNode inner : report.get("credentials")) {
			assertThat(inner.get("valid").asBoolean()).as(inner.toString()).isTrue();
			assertThat(outcome(inner, "ob3.status")).isEqualTo("passed");
			assertThat(outcome(inner, "ob3.schema")).isEqualTo("passed");
		}

		// tampering with one credential inside: the record's proof breaks, and that credential's own proof too
		ObjectNode tampered = (ObjectNode) json.readTree(document);
		((ObjectNode) tampered.get("credentialSubject").get("verifiableCredential").get(0).get("credentialSubject")
			.get("achievement")).put("name", "Superintendent Certificate");
		assertThat(independent.verifies(json.writeValueAsString(tampered), multikey(record))).isFalse();
		JsonNode refused = verify(Map.of("assertion", json.writeValueAsString(tampered)));
		assertThat(refused.get("valid").asBoolean()).isFalse();
		assertThat(failed(refused)).as(refused.toString())
			.containsExactlyInAnyOrder("ob3.proof.eddsa-rdfc-2022", "clr.credentials");
		assertThat(sentence(refused, "clr.credentials")).contains("does not verify");

		// the same record as a VC-JWT, checked by jjwt with the key the district publishes
		byte[] jwtBody = slow(data.as(teacher)).get().uri("/api/v1/me/learner-record?format=jwt").exchange()
			.expectStatus().isOk().expectHeader().contentType("application/vc+jwt").expectBody().returnResult()
			.getResponseBody();
		String jwt = new String(jwtBody, StandardCharsets.US_ASCII);
		String kid = json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).get("kid").asString();
		JsonNode set = json.readTree(body(kid.substring("https://cairn.test".length(), kid.indexOf('#'))));
		JsonNode jwk = null;
		for (JsonNode candidate : set.get("keys")) {
			if (kid.equals(candidate.get("kid").asString())) {
				jwk = candidate;
			}
		}
		PublicKey rsa = (PublicKey) Jwks.parser().build().parse(jwk.toString()).toKey();
		Claims claims = Jwts.parser().verifyWith(rsa).build().parseSignedClaims(jwt).getPayload();
		assertThat(claims.getIssuer()).isEqualTo(record.get("issuer").get("id").asString());
		assertThat(claims.get("type", List.class)).contains("ClrCredential");
		assertThat(verify(Map.of("jws", jwt)).get("valid").asBoolean()).isTrue();
	}

	@Test
	void anAdministratorDownloadsTheRecordOfTheirDistrictsTeachersOnly() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		fixtures.grant(fixtures.award(teacher, template, "tier-1"));

		byte[] body = slow(data.as(admin)).get().uri("/api/v1/people/{id}/learner-record", teacher.id()).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody();
		JsonNode record = json.readTree(body);
		assertThat(record.get("credentialSubject").get("verifiableCredential")).hasSize(1);

		District other = data.district();
		Person otherAdmin = data.person(other, Role.DISTRICT_ADMIN);
		data.as(otherAdmin).get().uri("/api/v1/people/{id}/learner-record", teacher.id()).exchange()
			.expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Person colleague = data.person(district, Role.TEACHER);
		data.as(colleague).get().uri("/api/v1/people/{id}/learner-record", teacher.id()).exchange()
			.expectStatus().isForbidden();
		// someone with no current badge gets a problem in words, not an empty record
		data.as(colleague).get().uri("/api/v1/me/learner-record").exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("no current badge"));
	}

	private static Tier tier(String key, String title, double credits) {
		return new Tier(key, title, "Do " + title + ".", List.of(), true, 0, null, null, credits, List.of());
	}

	private byte[] multikey(JsonNode signed) {
		String url = signed.get("proof").get(0).get("verificationMethod").asString();
		return IndependentDataIntegrity.rawKey(json.readTree(body(url.substring("https://cairn.test".length())))
			.get("publicKeyMultibase").asString());
	}

	private String body(String path) {
		byte[] bytes = slow(http).get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody();
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private JsonNode verify(Map<String, String> request) {
		return json.readTree(slow(http).post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).bodyValue(request).exchange().expectStatus().isOk().expectBody()
			.returnResult().getResponseBody());
	}

	/** The first VC-JWT of a district makes its RSA-3072 key: seconds, more on a busy shared machine. */
	private static WebTestClient slow(WebTestClient client) {
		return client.mutate().responseTimeout(Duration.ofSeconds(120)).build();
	}

	private static String outcome(JsonNode report, String check) {
		for (JsonNode c : report.get("checks")) {
			if (c.get("id").asString().equals(check)) {
				return c.get("outcome").asString();
			}
		}
		return null;
	}

	private static String sentence(JsonNode report, String check) {
		for (JsonNode c : report.get("checks")) {
			if (c.get("id").asString().equals(check)) {
				return c.get("sentence").asString();
			}
		}
		return null;
	}

	private static List<String> failed(JsonNode report) {
		List<String> out = new ArrayList<>();
		report.get("checks").forEach(c -> {
			if (c.get("outcome").asString().equals("failed")) {
				out.add(c.get("id").asString());
			}
		});
		return out;
	}

}
