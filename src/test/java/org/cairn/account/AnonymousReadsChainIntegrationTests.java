package org.cairn.account;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read that shows no session and no token takes a lighter security chain (no session lookup, no CSRF token, no
 * OpenID Connect filters): its answers and headers are those of the full chain, private endpoints still answer
 * 401, and state changes still need the CSRF token.
 */
class AnonymousReadsChainIntegrationTests extends IntegrationTest {

	@Autowired
	Sessions sessions;

	private static final List<String> PATHS = List.of("/api/v1/auth/providers", "/api/v1/me", "/api/v1/me/badges",
			"/api/v1/assertions", "/api/v1/no-such-endpoint", "/no-such-page");

	/** Headers that differ between any two answers (the request's id, the time). */
	private static final List<String> PER_ANSWER = List.of("X-Request-Id", "Date");

	@Test
	void anAnonymousReadGetsTheHeadersAndStatusOfTheFullChain() {
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
			for (String path : PATHS) {
				EntityExchangeResult<byte[]> light = http.method(method).uri(path).accept(MediaType.APPLICATION_JSON)
					.exchange().expectBody().returnResult();
				// an Authorization header that is no Cairn token: the full chain, and still nobody signed in
				EntityExchangeResult<byte[]> full = http.method(method).uri(path).accept(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-cairn-token")
					.exchange().expectBody().returnResult();
				assertThat(light.getStatus()).as(method + " " + path).isEqualTo(full.getStatus());
				assertThat(headers(light)).as(method + " " + path).isEqualTo(headers(full));
				assertThat(light.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).as(method + " " + path).isNull();
			}
		}
		HttpHeaders providers = http.get().uri("/api/v1/auth/providers").exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseHeaders();
		assertThat(providers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(providers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(providers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		assertThat(providers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(providers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(providers.getFirst("Permissions-Policy")).contains("camera=()");
	}

	@Test
	void privateEndpointsStillAnswer401ToAnonymousReads() {
		for (String path : List.of("/api/v1/me", "/api/v1/me/badges", "/api/v1/assertions", "/api/v1/people")) {
			http.get().uri(path).exchange().expectStatus().isUnauthorized()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:unauthenticated");
			http.head().uri(path).exchange().expectStatus().isUnauthorized();
		}
	}

	@Test
	void aSignedInReadStillSeesItsSessionAndAStateChangeStillNeedsTheCsrfToken() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		WebTestClient signedIn = data.as(admin);
		signedIn.get().uri("/api/v1/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(admin.email());

		// the session cookie without the CSRF token: refused, and nothing changed
		WebTestClient withoutToken = http.mutate()
			.defaultCookie(Sessions.COOKIE, sessions.open(admin.id()).block().getValue())
			.build();
		Map<String, Object> settings = Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", false);
		withoutToken.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(settings).exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:csrf");
		signedIn.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(settings).exchange().expectStatus().isOk();
	}

	private static Map<String, List<String>> headers(EntityExchangeResult<byte[]> result) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		result.getResponseHeaders().forEach((name, values) -> {
			if (PER_ANSWER.stream().noneMatch(name::equalsIgnoreCase)) {
				headers.put(name, values);
			}
		});
		return headers;
	}

}
