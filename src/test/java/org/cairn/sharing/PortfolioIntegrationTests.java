package org.cairn.sharing;

import java.time.Period;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@Import(IssuingFixtures.class)
class PortfolioIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Test
	void portfolioIsOffUntilSwitchedOnThenListsOnlyCurrentBadgesAndHidesAgainWhenSwitchedOff() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, Period.ofYears(2));
		String kept = fixtures.grant(fixtures.award(teacher, template, null)).assertionId();
		String revoked = fixtures.grant(fixtures.award(teacher, template, "tier-1")).assertionId();
		WebTestClient asTeacher = data.as(teacher);

		JsonNode off = body(asTeacher.get().uri("/api/v1/me/portfolio").exchange().expectStatus().isOk());
		assertThat(off.get("enabled").asBoolean()).isFalse();
		assertThat(off.get("url").isNull()).isTrue();

		JsonNode on = put(asTeacher, Map.of("enabled", true, "headline", "Grade 7 maths"));
		JsonNode again = put(asTeacher, Map.of("enabled", true, "headline", "Grade 7 maths"));
		String url = on.get("url").asString();
		assertThat(again.get("url").asString()).as("a retried switch keeps the link").isEqualTo(url);
		String slug = url.substring(url.lastIndexOf('/') + 1);
		assertThat(slug).hasSizeGreaterThan(30);

		JsonNode page = publicPage(slug);
		assertThat(page.get("displayName").asString()).isEqualTo(teacher.displayName());
		assertThat(page.get("districtName").asString()).isEqualTo(district.name());
		assertThat(page.get("headline").asString()).isEqualTo("Grade 7 maths");
		assertThat(page.get("badges")).hasSize(2);
		assertThat(page.toString()).doesNotContain(teacher.email()).doesNotContain(teacher.id());
		// a reload revalidates: 304 for the tag it was given, a full page for a malformed or stale one
		String tag = http.get().uri("/public/portfolios/{slug}", slug).exchange().expectStatus().isOk()
			.returnResult(byte[].class).getResponseHeaders().getFirst(HttpHeaders.ETAG);
		assertThat(tag).matches("\"[0-9a-f]+\"");
		http.get().uri("/public/portfolios/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, tag).exchange()
			.expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, tag);
		http.get().uri("/public/portfolios/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, tag + "h").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.displayName").isEqualTo(teacher.displayName());

		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", revoked).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Awarded in error")).exchange().expectStatus().isOk();
		JsonNode afterRevocation = publicPage(slug);
		assertThat(afterRevocation.get("badges")).hasSize(1);
		JsonNode badge = afterRevocation.get("badges").get(0);
		assertThat(badge.get("id").asString()).isEqualTo(kept);
		assertThat(badge.get("name").asString()).isEqualTo("Formative Assessment");
		assertThat(badge.get("assertionUrl").asString()).isEqualTo("https://cairn.test/public/assertions/" + kept);
		assertThat(badge.get("imageUrl").asString()).startsWith("https://cairn.test/public/badges/");
		assertThat(badge.has("issuedOn")).isTrue();

		String beforeOff = http.get().uri("/public/portfolios/{slug}", slug).exchange().expectStatus().isOk()
			.returnResult(byte[].class).getResponseHeaders().getFirst(HttpHeaders.ETAG);
		assertThat(beforeOff).as("the revoked badge left: a new tag").isNotEqualTo(tag);
		assertThat(put(asTeacher, Map.of("enabled", false)).get("url").isNull()).isTrue();
		http.get().uri("/public/portfolios/{slug}", slug).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// a cache revalidating its copy learns that it is gone, not that it is still good
		http.get().uri("/public/portfolios/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, beforeOff).exchange()
			.expectStatus().isNotFound();

		JsonNode back = put(asTeacher, Map.of("enabled", true));
		assertThat(back.get("url").asString()).as("switching back on restores the same link").isEqualTo(url);
		assertThat(publicPage(slug).get("headline").isNull()).isTrue();
	}

	@Test
	void unknownPortfolioIsNotFoundAndSettingsAreValidated() {
		http.get().uri("/public/portfolios/{slug}", "pDoesNotExist").exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Person teacher = data.person(data.district(), Role.TEACHER);
		data.as(teacher).put().uri("/api/v1/me/portfolio").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", true, "headline", "x".repeat(141))).exchange().expectStatus()
			.isEqualTo(422);
		data.as(teacher).put().uri("/api/v1/me/portfolio").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("headline", "No switch")).exchange().expectStatus().isEqualTo(422);
		http.get().uri("/api/v1/me/portfolio").exchange().expectStatus().isUnauthorized();
	}

	private JsonNode put(WebTestClient client, Map<String, Object> body) {
		return body(client.put().uri("/api/v1/me/portfolio").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange().expectStatus().isOk());
	}

	private JsonNode publicPage(String slug) {
		return body(http.get().uri("/public/portfolios/{slug}", slug).exchange().expectStatus().isOk()
			.expectHeader().valueMatches("Cache-Control", ".*no-cache.*"));
	}

	private JsonNode body(WebTestClient.ResponseSpec spec) {
		return json.readTree(spec.expectBody().returnResult().getResponseBody());
	}

}
