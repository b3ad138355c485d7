package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remembered verification answered before the security chain ({@link RememberedAnswers}) is the ordinary answer,
 * byte for byte and header for header, and nothing else takes that way: a revoked badge reads revoked on the very
 * next verification, a forged or altered JWS is never answered there, a district's trust marks (a session or
 * {@code ?district=}) still come, and every request the endpoint refuses is refused as before. The ordinary way is
 * reached for comparison with an {@code Authorization} header that is no Cairn token (nobody signed in, so the same
 * report). Real signatures, the real store, documents from memory as in production.
 */
@Import(IssuedBadges.class)
class RememberedAnswersIntegrationTests extends IntegrationTest {

	private static final String PATH = "/api/v1/verifications";

	/** Takes the request the ordinary way (the chain, the dispatcher) without changing whose it is. */
	private static final String NOT_A_TOKEN = "Bearer not-a-cairn-token";

	@Autowired
	IssuedBadges badges;

	@Autowired
	RememberedAnswers fast;

	@Autowired
	Verifier verifier;

	@Autowired
	JsonMapper json;

	private record Issued(Person admin, JsonNode badge) {

		String jws() {
			return badge.get("jws").asString();
		}

	}

	private Issued signedBadge() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		badges.mode(data.as(admin), "SIGNED");
		return new Issued(admin, badges.issue(district, teacher, data.as(teacher)));
	}

	@Test
	void aRememberedReportIsTheOrdinaryAnswerByteForByteAndHeaderForHeader() {
		String body = jwsBody(signedBadge().jws());
		EntityExchangeResult<byte[]> first = post(http, body, "application/json", "application/json", "", null);
		assertThat(first.getStatus().value()).isEqualTo(200);
		for (String query : new String[] { "", "?lang=es", "?lang=en" }) {
			for (String accept : new String[] { "application/json", "*/*", "" }) {
				for (String type : new String[] { "application/json", "application/ld+json",
						"application/json;charset=UTF-8" }) {
					String what = query + " Accept: " + accept + " Content-Type: " + type;
					long before = fast.answered();
					EntityExchangeResult<byte[]> here = post(http, body, type, accept, query, null);
					assertThat(fast.answered()).as(what + " answered before the chain").isEqualTo(before + 1);
					EntityExchangeResult<byte[]> ordinary = post(http, body, type, accept, query, NOT_A_TOKEN);
					assertThat(fast.answered()).as(what + ": a token takes the ordinary way").isEqualTo(before + 1);
					assertThat(here.getStatus().value()).as(what).isEqualTo(200);
					assertThat(here.getResponseBody()).as(what).isEqualTo(ordinary.getResponseBody());
					assertThat(headers(here)).as(what).isEqualTo(headers(ordinary));
				}
			}
		}
		HttpHeaders headers = post(http, body, "application/json", "application/json", "", null).getResponseHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(headers.getCacheControl()).isEqualTo("no-store");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(headers.getFirst("X-Request-Id")).isNotBlank();
		assertThat(headers.get(HttpHeaders.SET_COOKIE)).as("no XSRF cookie, no cookie at all").isNull();
		JsonNode spanish = json.readTree(post(http, body, "application/json", "", "?lang=es", null).getResponseBody());
		JsonNode english = json.readTree(post(http, body, "application/json", "", "", null).getResponseBody());
		assertThat(spanish.get("checks").get(0).get("sentence"))
			.as("each reader's language").isNotEqualTo(english.get("checks").get(0).get("sentence"));
	}

	@Test
	void aRevokedBadgeReadsRevokedOnTheVerificationRightAfterTheRevocation() {
		Issued issued = signedBadge();
		String body = jwsBody(issued.jws());
		assertThat(report(post(http, body, "application/json", "application/json", "", null)).get("valid").asBoolean())
			.isTrue();
		long before = fast.answered();
		assertThat(report(post(http, body, "application/json", "application/json", "", null)).get("valid").asBoolean())
			.isTrue();
		assertThat(fast.answered()).as("remembered: answered before the chain").isEqualTo(before + 1);

		data.as(issued.admin()).post().uri("/api/v1/assertions/{id}/revoke", issued.badge().get("id").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Awarded in error"))
			.exchange().expectStatus().isOk();

		for (int i = 0; i < 3; i++) {
			JsonNode revoked = report(post(http, body, "application/json", "application/json", "", null));
			assertThat(revoked.get("valid").asBoolean()).as("verification %d after the revocation", i + 1).isFalse();
			assertThat(VerificationApiIntegrationTests.failed(revoked)).containsExactly("revocation");
		}
		assertThat(fast.answered()).as("never again before the chain").isEqualTo(before + 1);
	}

	@Test
	void aForgedOrAlteredJwsIsNeverAnsweredBeforeTheChain() {
		String jws = signedBadge().jws();
		String genuine = jwsBody(jws);
		post(http, genuine, "application/json", "application/json", "", null);
		String[] parts = jws.split("\\.");
		ObjectNode payload = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		String forgedPayload = parts[0] + "." + b64(json.writeValueAsString(payload.put("narrative", "forged"))) + "."
				+ parts[2];
		char last = parts[2].charAt(parts[2].length() - 2);
		String alteredSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
				+ (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
		long before = fast.answered();
		for (String forged : new String[] { forgedPayload, alteredSignature, jws.substring(0, jws.length() - 4) }) {
			for (int i = 0; i < 2; i++) {
				JsonNode report = report(post(http, jwsBody(forged), "application/json", "application/json", "", null));
				assertThat(report.get("valid").asBoolean()).as(forged).isFalse();
			}
		}
		assertThat(fast.answered()).as("none answered before the chain").isEqualTo(before);
		assertThat(report(post(http, genuine, "application/json", "application/json", "", null)).get("valid")
			.asBoolean()).as("the genuine one still verifies, from memory").isTrue();
		assertThat(fast.answered()).isEqualTo(before + 1);
	}

	@Test
	void aDistrictsTrustMarksStillComeWithASessionOrADistrictParameter() {
		Issued issued = signedBadge();
		String body = jwsBody(issued.jws());
		JsonNode anonymous = report(post(http, body, "application/json", "application/json", "", null));
		String issuerId = anonymous.get("issuer").get("id").asString();
		assertThat(anonymous.get("issuer").has("recognised")).isFalse();
		data.as(issued.admin()).post().uri("/api/v1/district/trusted-issuers").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("issuerId", issuerId, "name", "Our own district")).exchange().expectStatus().isCreated();

		long before = fast.answered();
		JsonNode withSession = report(post(data.as(issued.admin()), body, "application/json", "application/json", "",
				null));
		assertThat(withSession.get("issuer").get("recognised").asBoolean()).as("the signed-in admin's district")
			.isTrue();
		JsonNode withDistrict = report(post(http, body, "application/json", "application/json",
				"?district=" + issued.admin().districtId(), null));
		assertThat(withDistrict.get("issuer").get("recognised").asBoolean()).as("?district=").isTrue();
		JsonNode withDistrictAndLanguage = report(post(http, body, "application/json", "application/json",
				"?lang=es&district=" + issued.admin().districtId(), null));
		assertThat(withDistrictAndLanguage.get("issuer").get("recognised").asBoolean()).isTrue();
		assertThat(fast.answered()).as("none of them answered before the chain").isEqualTo(before);
		assertThat(report(post(http, body, "application/json", "application/json", "", null)).get("issuer")
			.has("recognised")).as("and the marks never stay for the next anonymous verifier").isFalse();
		assertThat(fast.answered()).isEqualTo(before + 1);
	}

	@Test
	void everyRequestTheEndpointRefusesIsRefusedAsBefore() {
		String jws = signedBadge().jws();
		post(http, jwsBody(jws), "application/json", "application/json", "", null);
		String quoted = json.writeValueAsString(jws);
		String[] refused = { "{\"jws\":" + quoted + ",\"extra\":1}", "{\"jws\":" + quoted + ",\"url\":\"https://x.test/a\"}",
				"{\"jws\":" + quoted, "{\"jws\":" + quoted + "} trailing", "[" + quoted + "]", quoted, "",
				"{\"jws\":[" + quoted + "]}", "{\"jws\":" + quoted + ",\"recipient\":1}",
				"{\"jws\":" + quoted + ",\"recipient\":\"" + "a".repeat(400) + "@example.org\"}", "{}" };
		long before = fast.answered();
		for (String body : refused) {
			EntityExchangeResult<byte[]> here = post(http, body, "application/json", "application/json", "", null);
			EntityExchangeResult<byte[]> ordinary = post(http, body, "application/json", "application/json", "",
					NOT_A_TOKEN);
			assertThat(here.getStatus().value()).as(body).isEqualTo(ordinary.getStatus().value());
			assertThat(here.getStatus().is2xxSuccessful()).as(body).isFalse();
			assertThat(problem(here)).as(body).isEqualTo(problem(ordinary));
			assertThat(headers(here)).as(body).isEqualTo(headers(ordinary));
		}
		// a field given twice: whatever the endpoint makes of it, the same here
		String twice = "{\"jws\":" + quoted + ",\"jws\":" + quoted + "}";
		EntityExchangeResult<byte[]> twiceHere = post(http, twice, "application/json", "application/json", "", null);
		EntityExchangeResult<byte[]> twiceOrdinary = post(http, twice, "application/json", "application/json", "",
				NOT_A_TOKEN);
		assertThat(twiceHere.getStatus().value()).isEqualTo(twiceOrdinary.getStatus().value());
		assertThat(headers(twiceHere)).isEqualTo(headers(twiceOrdinary));
		before = fast.answered();
		// a body above the JSON cap, its key a remembered one: 413 as before
		String oversized = "{\"jws\":" + quoted + ",\"recipient\":\"" + " ".repeat(1024 * 1024) + "\"}";
		EntityExchangeResult<byte[]> tooLarge = post(http, oversized, "application/json", "application/json", "", null);
		assertThat(tooLarge.getStatus().value()).isEqualTo(413);
		assertThat(problem(tooLarge)).isEqualTo(problem(post(http, oversized, "application/json", "application/json",
				"", NOT_A_TOKEN)));
		// another content type, an HTML reader, a query the endpoint reads: the endpoint's own answers
		assertThat(post(http, jwsBody(jws), "application/json", "text/html", "", null).getResponseHeaders()
			.getContentType().toString()).startsWith("text/html");
		post(http, jwsBody(jws), "application/json", "application/ld+json", "", null);
		post(http, jwsBody(jws), "application/json;charset=ISO-8859-1", "", "", null);
		post(http, jwsBody(jws), "application/json", "", "?lang=fr", null);
		post(http, jwsBody(jws), "application/json", "", "?lang=es&x=1", null);
		http.post().uri(PATH).header("X-Odd", "caf\u00e9\u0085").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(jwsBody(jws)).exchange();
		assertThat(fast.answered()).as("none answered before the chain").isEqualTo(before);
	}

	private static String jwsBody(String jws) {
		return "{\"jws\":\"" + jws + "\"}";
	}

	private JsonNode report(EntityExchangeResult<byte[]> result) {
		assertThat(result.getStatus().value()).isEqualTo(200);
		return json.readTree(result.getResponseBody());
	}

	/** The problem without what differs per request (its id). */
	private JsonNode problem(EntityExchangeResult<byte[]> result) {
		assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
		ObjectNode problem = (ObjectNode) json.readTree(result.getResponseBody());
		problem.remove("requestId");
		return problem;
	}

	private static EntityExchangeResult<byte[]> post(WebTestClient client, String body, String type, String accept,
			String query, String authorization) {
		return client.post().uri(PATH + query).headers(h -> {
			h.set(HttpHeaders.CONTENT_TYPE, type);
			if (!accept.isEmpty()) {
				h.set(HttpHeaders.ACCEPT, accept);
			}
			if (authorization != null) {
				h.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectBody().returnResult();
	}

	/** Every response header but those that differ per request. */
	static Map<String, List<String>> headers(EntityExchangeResult<byte[]> result) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		result.getResponseHeaders().forEach(headers::put);
		headers.remove("X-Request-Id");
		headers.remove("Date");
		return headers;
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
