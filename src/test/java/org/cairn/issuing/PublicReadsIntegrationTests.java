package org.cairn.issuing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public documents, baked images and certificates held in memory are answered before the security chain and the
 * dispatcher ({@link PublicReads}): the answer must be the one the ordinary way gives. A HEAD request still takes
 * the ordinary way, so each memory-served GET is compared header by header with a HEAD of the same resource, and
 * with the first (loading) GET byte for byte. Real HTTP server on a random port, real signed badge.
 */
@Import(IssuingFixtures.class)
class PublicReadsIntegrationTests extends IntegrationTest {

	private static final String LD = "application/ld+json";

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	record Read(String path, String accept) {
	}

	@Test
	void aReadFromMemoryCarriesTheOrdinaryAnswersHeadersAndBytesAndSetsNoCookie() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", true, "showHours", true)).exchange()
			.expectStatus().isOk();
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), "tier-1")).assertionId();
		String assertion = "/public/assertions/" + id;
		IssuingFixtures.credentialIssued(http, id);
		String badge = path(getJson(assertion).get("badge").asString());
		String issuer = path(getJson(badge).get("issuer").asString());
		JsonNode profile = getJson(issuer);
		String key = path(profile.get("publicKey").get(0).asString());
		String revocations = path(profile.get("revocationList").asString());
		List<Read> reads = List.of(new Read(assertion, LD), new Read(assertion, "application/json"),
				new Read(assertion, "*/*"), new Read(badge, LD), new Read(issuer, LD), new Read(key, LD),
				new Read(revocations, LD), new Read(badge + "/image", "image/png"),
				new Read(assertion + "/image", "image/png"), new Read(assertion + "/image?format=svg", "image/*"),
				new Read(assertion + "/certificate.pdf", "application/pdf"),
				new Read(assertion + "/certificate.pdf?paper=a4", "*/*"));
		for (Read read : reads) {
			EntityExchangeResult<byte[]> loading = get(read);
			EntityExchangeResult<byte[]> fromMemory = get(read);
			EntityExchangeResult<byte[]> head = http.head().uri(read.path()).header(HttpHeaders.ACCEPT, read.accept())
				.exchange().expectStatus().isOk().expectBody().returnResult();
			assertThat(comparable(fromMemory.getResponseHeaders()))
				.as("headers of GET %s (%s) from memory and of the ordinary answer", read.path(), read.accept())
				.isEqualTo(comparable(head.getResponseHeaders()));
			assertThat(fromMemory.getResponseBody()).as("%s (%s)", read.path(), read.accept())
				.isEqualTo(loading.getResponseBody());
			assertThat(fromMemory.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
			assertThat(fromMemory.getResponseHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
			assertThat(fromMemory.getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();
		}
		// the JSON documents: readable from any origin, varying by Accept, locked down by the policy for "other"
		get(new Read(issuer, LD));
		http.get().uri(issuer).header(HttpHeaders.ACCEPT, LD).exchange().expectStatus().isOk()
			.expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
			.expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
			.expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public");
	}

	@Test
	void aRevalidationFromMemoryAnswersNotModifiedWithTheValidatorsAndNoPolicy() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), null)).assertionId();
		for (Read read : List.of(new Read("/public/assertions/" + id, LD),
				new Read("/public/assertions/" + id + "/image", "image/png"))) {
			String tag = get(read).getResponseHeaders().getETag();
			http.get().uri(read.path()).header(HttpHeaders.ACCEPT, read.accept()).header(HttpHeaders.IF_NONE_MATCH, tag)
				.exchange().expectStatus().isNotModified()
				.expectHeader().valueEquals(HttpHeaders.ETAG, tag)
				.expectHeader().exists(HttpHeaders.CACHE_CONTROL)
				.expectHeader().doesNotExist("Content-Security-Policy")
				.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
				.expectBody().isEmpty();
		}
	}

	@Test
	void whatMemoryDoesNotAnswerStillGetsItsOwnAnswer() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), null)).assertionId();
		String assertion = "/public/assertions/" + id;
		get(new Read(assertion, LD));
		get(new Read(assertion + "/image", "image/png"));
		// a person's browser gets the page, not the JSON held in memory
		http.get().uri(assertion).header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8").exchange()
			.expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
		// an odd query or format is the controller's to refuse
		http.get().uri(assertion + "/image?format=gif").exchange().expectStatus().isBadRequest();
		// revoked after it was held in memory: gone, and its image no longer shown
		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Awarded in error")).exchange().expectStatus().isOk();
		http.get().uri(assertion).header(HttpHeaders.ACCEPT, LD).exchange().expectStatus().isEqualTo(410);
		http.get().uri(assertion + "/image").header(HttpHeaders.ACCEPT, "image/png").exchange()
			.expectStatus().is4xxClientError();
	}

	private EntityExchangeResult<byte[]> get(Read read) {
		return http.get().uri(read.path()).header(HttpHeaders.ACCEPT, read.accept()).exchange()
			.expectStatus().isOk().expectBody().returnResult();
	}

	/** Every header but the request's own id and the date. */
	private static Map<String, List<String>> comparable(HttpHeaders headers) {
		Map<String, List<String>> all = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			if (!name.equalsIgnoreCase("X-Request-Id") && !name.equalsIgnoreCase(HttpHeaders.DATE)) {
				all.put(name.toLowerCase(java.util.Locale.ROOT), values);
			}
		});
		return new java.util.TreeMap<>(all);
	}

	private JsonNode getJson(String path) {
		return json.readTree(http.get().uri(path).accept(MediaType.parseMediaType(LD)).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private static String path(String url) {
		return URI.create(url).getRawPath();
	}

}
