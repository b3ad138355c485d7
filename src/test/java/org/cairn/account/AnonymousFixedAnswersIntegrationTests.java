package org.cairn.account;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in buttons ({@code GET /api/v1/auth/providers}) are answered to anonymous readers before the security
 * chain ({@link AnonymousFixedAnswers}): the same status, headers and bytes as the endpoint behind the full chain,
 * and nobody else takes that way: not a signed-in browser (it still gets its CSRF cookie), not a caller with a
 * token, not another method, a query, another {@code Accept} or a header the firewall refuses.
 */
class AnonymousFixedAnswersIntegrationTests extends IntegrationTest {

	private static final String PATH = "/api/v1/auth/providers";

	@Autowired
	AnonymousFixedAnswers fixed;

	@Autowired
	Sessions sessions;

	@Test
	void anAnonymousReadGetsTheEndpointsAnswerWithTheFullChainsHeaders() {
		for (String accept : new String[] { "application/json", "*/*", "" }) {
			long before = fixed.answered();
			EntityExchangeResult<byte[]> shortcut = get(http, accept, null);
			assertThat(fixed.answered()).as("Accept: " + accept + " answered before the chain").isEqualTo(before + 1);
			// an Authorization header that is no Cairn token: the endpoint behind the full chain, nobody signed in
			EntityExchangeResult<byte[]> full = get(http, accept, "Bearer not-a-cairn-token");
			assertThat(fixed.answered()).as("a token is never answered before the chain").isEqualTo(before + 1);
			assertThat(shortcut.getStatus().value()).isEqualTo(200);
			assertThat(shortcut.getResponseBody()).as("Accept: " + accept).isEqualTo(full.getResponseBody());
			assertThat(headers(shortcut)).as("Accept: " + accept).isEqualTo(headers(full));
			assertThat(shortcut.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
		}
		HttpHeaders headers = get(http, "application/json", null).getResponseHeaders();
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("X-Request-Id")).isNotBlank();
	}

	@Test
	void aSignedInBrowserStillTakesTheChainAndGetsItsCsrfCookie() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient browser = http.mutate()
			.defaultCookie(Sessions.COOKIE, sessions.open(teacher.id()).block().getValue())
			.build();
		long before = fixed.answered();
		EntityExchangeResult<byte[]> signedIn = get(browser, "application/json", null);
		assertThat(fixed.answered()).as("a session is never answered before the chain").isEqualTo(before);
		assertThat(signedIn.getResponseHeaders().get(HttpHeaders.SET_COOKIE))
			.as("the signed-in browser's CSRF token").anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
		assertThat(signedIn.getResponseBody()).isEqualTo(get(http, "application/json", null).getResponseBody());
	}

	@Test
	void otherMethodsQueriesAcceptsAndOddHeadersTakeTheOrdinaryWay() {
		long before = fixed.answered();
		http.head().uri(PATH).exchange().expectStatus().isOk().expectBody().isEmpty();
		http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
			.expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
		http.delete().uri(PATH).exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
		http.get().uri(PATH + "?district=x").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk();
		http.get().uri(PATH).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
		// the endpoint's own negotiation answers in the type asked for, which the bytes written beforehand are not
		http.get().uri(PATH).accept(MediaType.parseMediaType("application/ld+json")).exchange().expectStatus().isOk()
			.expectHeader().contentType("application/ld+json");
		// a control character in a header the firewall refuses once something reads it: left to the chain
		http.get().uri(PATH).header("X-Odd", "caf\u00e9\u0085").exchange();
		http.get().uri(PATH + "/").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
		assertThat(fixed.answered()).as("none of these answered before the chain").isEqualTo(before);
	}

	private static EntityExchangeResult<byte[]> get(WebTestClient client, String accept, String authorization) {
		return client.get().uri(PATH).headers(h -> {
			if (!accept.isEmpty()) {
				h.set(HttpHeaders.ACCEPT, accept);
			}
			if (authorization != null) {
				h.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).exchange().expectBody().returnResult();
	}

	/** Every header but those that differ between any two answers (the request's id, the time). */
	private static Map<String, List<String>> headers(EntityExchangeResult<byte[]> result) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		result.getResponseHeaders().forEach(headers::put);
		headers.remove("X-Request-Id");
		headers.remove("Date");
		return headers;
	}

}
