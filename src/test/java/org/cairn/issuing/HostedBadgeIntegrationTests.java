package org.cairn.issuing;

import java.net.URI;
import java.time.Period;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.openbadges.HostedDocuments;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@Import(IssuingFixtures.class)
class HostedBadgeIntegrationTests extends IntegrationTest {

	private static final MediaType LD = MediaType.parseMediaType("application/ld+json");

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	HostedDocuments hosted;

	@Autowired
	AwardRepository awards;

	@Autowired
	AwardIssuing awardIssuing;

	@Test
	void hostedAssertionIsServedAsJsonLdWithEtagAndRevocationAnswersGoneWithTheReason() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, Period.ofYears(2));
		Award award = fixtures.grant(fixtures.award(teacher, template, null));
		String id = award.assertionId();

		var response = http.get().uri("/public/assertions/{id}", id).accept(LD).exchange()
			.expectStatus().isOk().expectHeader().contentType("application/ld+json")
			.expectHeader().exists(HttpHeaders.ETAG)
			.expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("max-age"))
			.expectBody().returnResult();
		JsonNode assertion = json.readTree(response.getResponseBody());
		assertThat(assertion.get("@context").asString()).isEqualTo("https://w3id.org/openbadges/v2");
		assertThat(assertion.get("id").asString()).isEqualTo("https://cairn.test/public/assertions/" + id);
		assertThat(assertion.get("verification").get("type").asString()).isEqualTo("hosted");
		assertThat(assertion.has("expires")).isTrue();
		String etag = response.getResponseHeaders().getETag();
		http.get().uri("/public/assertions/{id}", id).accept(LD).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
			.expectStatus().isNotModified();
		http.get().uri("/public/assertions/{id}", id).accept(MediaType.APPLICATION_JSON).exchange()
			.expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		// the HTML page's own tag is well formed and revalidates (it used to be "h…"h, and a reload answered 500)
		String htmlTag = http.get().uri("/public/assertions/{id}", id).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseHeaders().getETag();
		assertThat(htmlTag).matches("\"[^\"]+\"").isNotEqualTo(etag);
		http.get().uri("/public/assertions/{id}", id).accept(MediaType.TEXT_HTML).header(HttpHeaders.IF_NONE_MATCH, htmlTag)
			.exchange().expectStatus().isNotModified();
		http.get().uri("/public/assertions/{id}", id).accept(LD).header(HttpHeaders.IF_NONE_MATCH, "\"\"broken\"x\"")
			.exchange().expectStatus().isOk();

		// a whole-microcredential badge and its issuer, same origin as the assertion
		JsonNode badge = getJson(assertion.get("badge").asString());
		assertThat(badge.get("name").asString()).isEqualTo("Formative Assessment");
		JsonNode issuer = getJson(badge.get("issuer").asString());
		assertThat(issuer.get("email").asString()).isEqualTo(district.email());
		String revocationList = issuer.get("revocationList").asString();

		data.as(teacher).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "mine")).exchange().expectStatus().isForbidden();
		Person stranger = data.person(data.district(), Role.DISTRICT_ADMIN);
		data.as(stranger).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "not yours")).exchange().expectStatus().isNotFound();
		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "")).exchange().expectStatus().isEqualTo(422);
		for (int click = 0; click < 2; click++) {
			data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("reason", click == 0 ? "Awarded in error" : "second click")).exchange()
				.expectStatus().isOk().expectBody().jsonPath("$.revocationReason").isEqualTo("Awarded in error");
		}

		JsonNode gone = json.readTree(http.get().uri("/public/assertions/{id}", id).accept(LD).exchange()
			.expectStatus().isEqualTo(410).expectBody().returnResult().getResponseBody());
		assertThat(gone.get("revoked").asBoolean()).isTrue();
		assertThat(gone.get("revocationReason").asString()).isEqualTo("Awarded in error");
		assertThat(gone.get("id").asString()).isEqualTo(assertion.get("id").asString());
		JsonNode list = getJson(revocationList);
		assertThat(list.get("type").asString()).isEqualTo("RevocationList");
		assertThat(list.get("revokedAssertions").get(0).get("id").asString()).isEqualTo(assertion.get("id").asString());
		assertThat(list.get("revokedAssertions").get(0).get("revocationReason").asString()).isEqualTo("Awarded in error");
		assertThat(hosted.find(URI.create(assertion.get("id").asString())).block().get("revoked").asBoolean()).isTrue();
		http.get().uri("/public/assertions/{id}/image", id).exchange().expectStatus().isEqualTo(410);

		// reinstatement is a new assertion; the revoked one stays revoked
		JsonNode fresh = json.readTree(data.as(admin).post().uri("/api/v1/assertions/{id}/reinstate", id).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(fresh.get("id").asString()).isNotEqualTo(id);
		assertThat(fresh.get("replaces").asString()).isEqualTo(id);
		data.as(admin).post().uri("/api/v1/assertions/{id}/reinstate", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(fresh.get("id").asString());
		assertThat(awards.findById(award.id()).block().assertionId()).isEqualTo(fresh.get("id").asString());
		http.get().uri("/public/assertions/{id}", id).accept(LD).exchange().expectStatus().isEqualTo(410);
	}

	@Test
	void browsersGetAPageWithLinkPreviewTagsAndTheCriteriaPage() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		String id = fixtures.grant(fixtures.award(teacher, template, "tier-1")).assertionId();
		String page = http.get().uri("/public/assertions/{id}", id)
			.header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").exchange()
			.expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("<meta property=\"og:title\" content=\"Formative Assessment: Tier 1: Research\">")
			.contains("<meta property=\"og:url\" content=\"https://cairn.test/public/assertions/" + id + "\">")
			.contains("property=\"og:image\" content=\"https://cairn.test/public/badges/")
			.contains("name=\"twitter:card\"").contains("Valid Open Badge").contains(teacher.displayName());
		JsonNode assertion = json.readTree(http.get().uri("/public/assertions/{id}", id).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		String badgePath = assertion.get("badge").asString().substring("https://cairn.test".length());
		http.get().uri(badgePath + "/criteria").exchange().expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("Using Assessment in Instruction").contains("Reflection"));
		http.get().uri(badgePath + "/image").exchange().expectStatus().isOk().expectHeader()
			.contentType(MediaType.IMAGE_PNG);
		http.get().uri("/public/assertions/doesnotexist").accept(LD).exchange().expectStatus().isNotFound();
	}

	@Test
	void theSweepIssuesAwardsWhoseEventWasLostExactlyOnce() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		Award award = fixtures.award(teacher, template, null);
		awardIssuing.sweepOnce().block();
		awardIssuing.sweepOnce().block();
		fixtures.grant(award);
		String assertionId = awards.findById(award.id()).block().assertionId();
		assertThat(assertionId).isNotNull();
		assertThat(json.readTree(data.as(teacher).get().uri("/api/v1/me/badges").exchange().expectBody().returnResult()
			.getResponseBody()).size()).isEqualTo(1);
	}

	private JsonNode getJson(String url) {
		return json.readTree(http.get().uri(url.substring("https://cairn.test".length())).accept(LD).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

}
