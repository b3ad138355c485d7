package org.cairn.account;

import java.util.Map;

import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class SignInIntegrationTests extends IntegrationTest {

	@Test
	void signsInWithPasswordAndOpensASession() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		var result = http.post()
			.uri("/api/v1/auth/login")
			.bodyValue(Map.of("email", teacher.email().toUpperCase(), "password", TestData.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email").isEqualTo(teacher.email())
			.jsonPath("$.roles[0]").isEqualTo("TEACHER")
			.returnResult();
		String setCookie = result.getResponseHeaders().getFirst("Set-Cookie");
		assertThat(setCookie).startsWith(Sessions.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax");
		String session = setCookie.substring(Sessions.COOKIE.length() + 1, setCookie.indexOf(';'));
		http.get().uri("/api/v1/me").cookie(Sessions.COOKIE, session).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.districtId").isEqualTo(district.id());
	}

	@Test
	void wrongPasswordAndUnknownEmailLookTheSame() {
		Person teacher = data.person(data.district(), Role.TEACHER);
		String wrongPassword = http.post().uri("/api/v1/auth/login")
			.bodyValue(Map.of("email", teacher.email(), "password", "not the password"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).returnResult().getResponseBody();
		String unknownEmail = http.post().uri("/api/v1/auth/login")
			.bodyValue(Map.of("email", "nobody@nowhere.example", "password", "not the password"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectBody(String.class).returnResult().getResponseBody();
		// Only the request id (unique per request) may differ.
		assertThat(withoutRequestId(unknownEmail)).isEqualTo(withoutRequestId(wrongPassword))
			.contains("urn:cairn:problem:invalid-credentials");
	}

	static String withoutRequestId(String problem) {
		return problem.replaceAll("\"requestId\":\"[^\"]*\",?", "");
	}

	@Test
	void apiNeedsSignIn() {
		http.get().uri("/api/v1/me").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:unauthenticated");
	}

	@Test
	void personalAccessTokenWorksWithoutCsrfAndCanBeRevoked() {
		Person admin = data.person(data.district(), Role.DISTRICT_ADMIN);
		var created = data.as(admin).post().uri("/api/v1/me/tokens")
			.bodyValue(Map.of("name", "payroll export", "days", 30, "scopes", java.util.List.of("READ")))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(AccessTokens.CreatedToken.class).returnResult().getResponseBody();
		assertThat(created.token()).startsWith(AccessTokens.PREFIX);
		http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(created.token())).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(admin.email());
		http.delete().uri("/api/v1/me/tokens/" + created.id()).headers(h -> h.setBearerAuth(created.token()))
			.exchange().expectStatus().isNoContent();
		http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(created.token())).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void cookieSessionWithoutCsrfTokenCannotChangeState() {
		Person admin = data.person(data.district(), Role.DISTRICT_ADMIN);
		String cookie = data.as(admin).get().uri("/api/v1/me").exchange().expectStatus().isOk()
			.returnResult(String.class).getRequestHeaders().getFirst("Cookie");
		http.post().uri("/api/v1/me/tokens").header("Cookie", cookie.replaceAll("XSRF-TOKEN=[^;]*;?", ""))
			.bodyValue(Map.of("name", "x", "days", 1, "scopes", java.util.List.of("READ")))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:csrf");
	}

}
