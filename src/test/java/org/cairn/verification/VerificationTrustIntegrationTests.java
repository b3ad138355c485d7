package org.cairn.verification;

import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Districts list the issuers they recognise; a verification says {@code recognised} when the asking district (the
 * signed-in user's, or the {@code district} parameter) lists the badge's issuer. Admins only, scoped by district.
 */
@Import(IssuedBadges.class)
class VerificationTrustIntegrationTests extends IntegrationTest {

	@Autowired
	IssuedBadges badges;

	@Autowired
	JsonMapper json;

	@Test
	void aRecognisedIssuerIsSaidToBeSo() {
		District issuing = data.district();
		Person issuingAdmin = data.person(issuing, Role.DISTRICT_ADMIN);
		Person teacher = data.person(issuing, Role.TEACHER);
		badges.mode(data.as(issuingAdmin), "SIGNED");
		String jws = badges.issue(issuing, teacher, data.as(teacher)).get("jws").asString();

		District receiving = data.district();
		Person principal = data.person(receiving, Role.DISTRICT_ADMIN);
		JsonNode before = verify(jws, receiving.id());
		String issuerId = before.get("issuer").get("id").asString();
		assertThat(before.get("issuer").get("recognised").asBoolean()).isFalse();

		data.as(principal).post().uri("/api/v1/district/trusted-issuers").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("issuerId", issuerId, "name", "Neighbouring district"))
			.exchange().expectStatus().isCreated();
		// a double click is one entry
		data.as(principal).post().uri("/api/v1/district/trusted-issuers").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("issuerId", issuerId, "name", "Neighbouring district"))
			.exchange().expectStatus().isOk();
		data.as(principal).get().uri("/api/v1/district/trusted-issuers").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].issuerId").isEqualTo(issuerId);

		assertThat(verify(jws, receiving.id()).get("issuer").get("recognised").asBoolean()).isTrue();
		// signed in, the user's own district decides
		JsonNode signedIn = json.readTree(data.as(principal).post().uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("jws", jws)).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
		assertThat(signedIn.get("issuer").get("recognised").asBoolean()).isTrue();
		// another district does not recognise it
		assertThat(verify(jws, data.district().id()).get("issuer").get("recognised").asBoolean()).isFalse();
	}

	@Test
	void onlyAdminsOfTheDistrictManageItsList() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Person otherAdmin = data.person(data.district(), Role.DISTRICT_ADMIN);
		String id = json.readTree(data.as(admin).post().uri("/api/v1/district/trusted-issuers")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("issuerId", "https://badges.example.org/issuer"))
			.exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("id").asString();

		data.as(teacher).get().uri("/api/v1/district/trusted-issuers").exchange().expectStatus().isForbidden();
		data.as(teacher).post().uri("/api/v1/district/trusted-issuers").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("issuerId", "https://x.example/i")).exchange().expectStatus().isForbidden();
		data.as(otherAdmin).delete().uri("/api/v1/district/trusted-issuers/{id}", id).exchange()
			.expectStatus().isNotFound();
		data.as(otherAdmin).get().uri("/api/v1/district/trusted-issuers").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(0);
		http.get().uri("/api/v1/district/trusted-issuers").exchange().expectStatus().isUnauthorized();

		data.as(admin).post().uri("/api/v1/district/trusted-issuers").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("issuerId", "not an iri")).exchange().expectStatus().isEqualTo(422);
		data.as(admin).delete().uri("/api/v1/district/trusted-issuers/{id}", id).exchange()
			.expectStatus().isNoContent();
		data.as(admin).get().uri("/api/v1/district/trusted-issuers").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	private JsonNode verify(String jws, String district) {
		return json.readTree(http.post().uri("/api/v1/verifications?district={d}", district)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("jws", jws)).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
	}

}
