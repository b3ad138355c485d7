package org.cairn.issuing;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared links (LinkedIn, portfolios, the URL printed on every certificate) are reloaded, revalidated by browser and
 * proxy caches, and opened again later: every public document and page answers a conditional request with
 * {@code 304}, gives each representation a strong, well-formed ETag of its own, and treats a malformed
 * {@code If-None-Match} as absent instead of failing. Real HTTP server on a random port.
 */
@Import(IssuingFixtures.class)
class PublicConditionalRequestsIntegrationTests extends IntegrationTest {

	private static final String STRONG_TAG = "\"[\\x21\\x23-\\x7E]+\"";

	/** What old caches, proxies and hand-written scripts send: none of it may turn into an error. */
	private static final List<String> MALFORMED = List.of("\"abc\"h", "abc", "\"unterminated", "W/", "\"a\" \"b\"",
			"\"x\",,\"y", "W/abc", "\u00e9t\u00e9");

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	record Representation(String path, String accept) {
	}

	@Test
	void everyPublicDocumentRevalidatesWithItsOwnStrongEtagAndIgnoresAMalformedIfNoneMatch() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		data.as(admin).put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", true, "showHours", true))
			.exchange().expectStatus().isOk();
		Template template = fixtures.template(district, Period.ofYears(2));
		String id = fixtures.grant(fixtures.award(teacher, template, "tier-1")).assertionId();
		JsonNode assertion = getJson("/public/assertions/" + id);
		String badge = path(assertion.get("badge").asString());
		String issuer = path(getJson(badge).get("issuer").asString());
		JsonNode profile = getJson(issuer);
		String key = path(profile.get("publicKey").get(0).asString());
		String revocations = path(profile.get("revocationList").asString());

		String ld = "application/ld+json";
		String plain = "application/json";
		String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
		List<Representation> all = List.of(new Representation("/public/assertions/" + id, ld),
				new Representation("/public/assertions/" + id, plain),
				new Representation("/public/assertions/" + id, browser), new Representation(badge, ld),
				new Representation(badge, browser), new Representation(issuer, ld),
				new Representation(issuer, browser), new Representation(key, ld), new Representation(key, plain),
				new Representation(revocations, ld), new Representation(badge + "/criteria", browser),
				new Representation(badge + "/image", "image/*"),
				new Representation("/public/assertions/" + id + "/image?format=png", "image/*"),
				new Representation("/public/assertions/" + id + "/image?format=svg", "image/*"),
				new Representation("/public/assertions/" + id + "/certificate.pdf", "*/*"),
				new Representation("/public/assertions/" + id + "/certificate.pdf?paper=a4", "*/*"));

		Set<String> tags = new HashSet<>();
		for (Representation r : all) {
			String tag = revalidates(r.path(), r.accept());
			assertThat(tags.add(tag)).as("%s (%s) has an ETag no other representation has", r.path(), r.accept())
				.isTrue();
		}
		// content negotiated on Accept: caches must keep the JSON-LD, JSON and HTML apart
		for (Representation r : List.of(all.get(0), all.get(3), all.get(5), all.get(7), all.get(9))) {
			http.get().uri(r.path()).accept(MediaType.parseMediaType(r.accept())).exchange().expectStatus().isOk()
				.expectHeader().value(HttpHeaders.VARY, v -> assertThat(v).contains(HttpHeaders.ACCEPT));
		}
	}

	@Test
	void reloadingTheServerRenderedBadgePageRevalidatesInsteadOfFailing() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), null)).assertionId();
		// what a browser does on reload: it echoes the ETag it was given, byte for byte
		EntityExchangeResult<byte[]> first = http.get().uri("/public/assertions/{id}", id)
			.header(HttpHeaders.ACCEPT, "text/html").exchange().expectStatus().isOk().expectBody().returnResult();
		String tag = first.getResponseHeaders().getFirst(HttpHeaders.ETAG);
		assertThat(tag).matches(STRONG_TAG);
		for (int reload = 0; reload < 3; reload++) {
			http.get().uri("/public/assertions/{id}", id).header(HttpHeaders.ACCEPT, "text/html")
				.header(HttpHeaders.IF_NONE_MATCH, tag).exchange().expectStatus().isNotModified();
		}
		// the page's own JSON fetch (the web app at /badge/{id}) with the HTML page's tag cached: a full answer
		http.get().uri("/public/assertions/{id}", id).header(HttpHeaders.ACCEPT, "application/ld+json")
			.header(HttpHeaders.IF_NONE_MATCH, tag).exchange().expectStatus().isOk()
			.expectHeader().contentType("application/ld+json");
	}

	@Test
	void aRevokedBadgeIsNeverAnsweredNotModified() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), null)).assertionId();
		String tag = http.get().uri("/public/assertions/{id}", id).accept(MediaType.parseMediaType("application/ld+json"))
			.exchange().expectStatus().isOk().returnResult(byte[].class).getResponseHeaders().getFirst(HttpHeaders.ETAG);
		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Awarded in error")).exchange().expectStatus().isOk();
		http.get().uri("/public/assertions/{id}", id).accept(MediaType.parseMediaType("application/ld+json"))
			.header(HttpHeaders.IF_NONE_MATCH, tag).exchange().expectStatus().isEqualTo(410)
			.expectBody().jsonPath("$.revoked").isEqualTo(true);
	}

	@Test
	void theWebAppsPublicBadgeRouteRevalidates() {
		Assumptions.assumeTrue(new ClassPathResource("static/index.html").exists(),
				"the web app is not built into this class path (-Dskip.frontend=true)");
		revalidates("/badge/some-assertion-id", "text/html");
	}

	/** The first answer's ETag gets a 304; a non-matching or malformed If-None-Match gets the full answer. */
	private String revalidates(String path, String accept) {
		EntityExchangeResult<byte[]> full = http.get().uri(path).header(HttpHeaders.ACCEPT, accept).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		String tag = full.getResponseHeaders().getFirst(HttpHeaders.ETAG);
		assertThat(tag).as("ETag of %s (%s)", path, accept).isNotNull().matches(STRONG_TAG);
		assertThat(full.getResponseBody()).isNotEmpty();
		List<String> matching = new ArrayList<>(List.of(tag, "W/" + tag, "\"other\", " + tag, "*"));
		for (String condition : matching) {
			EntityExchangeResult<byte[]> notModified = http.get().uri(path).header(HttpHeaders.ACCEPT, accept)
				.header(HttpHeaders.IF_NONE_MATCH, condition).exchange()
				.expectStatus().isNotModified().expectBody().returnResult();
			assertThat(notModified.getResponseHeaders().getFirst(HttpHeaders.ETAG)).isEqualTo(tag);
			assertThat(notModified.getResponseBody()).as("a 304 has no body").isNullOrEmpty();
		}
		List<String> conditions = new ArrayList<>(MALFORMED);
		conditions.add("\"not-the-current-one\"");
		// malformed around the right tag: still not a match (what the HTML page used to send back: ""…"h")
		conditions.add(tag + "h");
		conditions.add(tag.substring(1));
		conditions.add(tag.substring(1, tag.length() - 1));
		conditions.add("\"" + tag);
		for (String condition : conditions) {
			EntityExchangeResult<byte[]> answer = http.get().uri(path).header(HttpHeaders.ACCEPT, accept)
				.header(HttpHeaders.IF_NONE_MATCH, condition).exchange()
				.expectStatus().isOk().expectBody().returnResult();
			// a PDF carries its creation time, so only its first bytes are compared
			byte[] expected = path.contains("certificate.pdf") ? "%PDF".getBytes() : full.getResponseBody();
			assertThat(answer.getResponseBody()).as("%s with If-None-Match %s", path, condition)
				.startsWith(expected);
		}
		return tag;
	}

	private JsonNode getJson(String path) {
		return json.readTree(http.get().uri(path).accept(MediaType.parseMediaType("application/ld+json")).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private static String path(String url) {
		return java.net.URI.create(url).getRawPath();
	}

}
