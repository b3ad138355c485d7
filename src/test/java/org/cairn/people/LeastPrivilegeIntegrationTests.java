package org.cairn.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens do only what their scopes say, never mint tokens, live at most a year, and end with every
 * session of their owner when the password, roles or status change.
 */
class LeastPrivilegeIntegrationTests extends IntegrationTest {

	@Autowired
	CairnProperties cairn;

	@Test
	void aReadTokenReadsButEveryWriteIsAForbiddenProblem() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient script = bearer(token(data.as(admin), List.of("READ"), 30));

		script.get().uri("/api/v1/people").exchange().expectStatus().isOk();
		script.get().uri("/api/v1/district").exchange().expectStatus().isOk();
		scopeRefused(script.post().uri("/api/v1/people").bodyValue(invite(district, "DISTRICT_ADMIN")), "MANAGE");
		scopeRefused(script.post().uri("/api/v1/people/{id}/deactivate", teacher.id()), "MANAGE");
		scopeRefused(script.post().uri("/api/v1/webhooks").bodyValue(Map.of("url", "https://hooks.example.org/x")),
				"MANAGE");
		scopeRefused(script.post().uri("/api/v1/assertions/{id}/revoke", "any").bodyValue(Map.of("reason", "x")),
				"ISSUE");
		data.as(admin)
			.get()
			.uri("/api/v1/people/{id}", teacher.id())
			.exchange()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(true);
	}

	@Test
	void anIssuingTokenCannotManagePeopleAndOnlyAManagingTokenInvites() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		WebTestClient issuing = bearer(token(data.as(admin), List.of("READ", "ISSUE"), 30));
		scopeRefused(issuing.post().uri("/api/v1/people").bodyValue(invite(district, "DISTRICT_ADMIN")), "MANAGE");
		// the scope passes the request on; the endpoint still decides (an unknown assertion is not found)
		issuing.post()
			.uri("/api/v1/assertions/{id}/revoke", "no-such-assertion")
			.bodyValue(Map.of("reason", "Issued in error"))
			.exchange()
			.expectStatus()
			.isNotFound();

		WebTestClient managing = bearer(token(data.as(admin), List.of("MANAGE"), 30));
		managing.post().uri("/api/v1/people").bodyValue(invite(district, "TEACHER")).exchange().expectStatus()
			.isCreated();
	}

	@Test
	void noTokenCreatesATokenAndNoTokenLivesLongerThanAYear() {
		Person admin = data.person(data.district(), Role.DISTRICT_ADMIN);
		WebTestClient script = bearer(token(data.as(admin), List.of("READ", "ISSUE", "MANAGE"), 365));
		script.post()
			.uri("/api/v1/me/tokens")
			.bodyValue(Map.of("name", "child", "days", 30, "scopes", List.of("READ")))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:token-scope")
			.jsonPath("$.detail")
			.value(d -> assertThat((String) d).contains("cannot create access tokens"));
		script.get().uri("/api/v1/me/tokens").exchange().expectBody().jsonPath("$.length()").isEqualTo(1);

		data.as(admin)
			.post()
			.uri("/api/v1/me/tokens")
			.bodyValue(Map.of("name", "forever", "days", 366, "scopes", List.of("READ")))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		data.as(admin)
			.post()
			.uri("/api/v1/me/tokens")
			.bodyValue(Map.of("name", "no scopes", "days", 30, "scopes", List.of()))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("scopes");
	}

	@Test
	void aPasswordResetEndsEverySessionAndToken() {
		MailLinks mail = new MailLinks(cairn.dataDir());
		Person teacher = data.person(data.district(), Role.TEACHER);
		WebTestClient browser = data.as(teacher);
		WebTestClient script = bearer(token(browser, List.of("READ"), 30));
		script.get().uri("/api/v1/me").exchange().expectStatus().isOk();

		http.post().uri("/api/v1/password-resets").bodyValue(Map.of("email", teacher.email()))
			.exchange().expectStatus().isAccepted();
		String link = mail.awaitOnlyToken(teacher.email(), "/password-resets/");
		http.post().uri("/api/v1/password-resets/" + link).bodyValue(Map.of("password", "a brand new passphrase"))
			.exchange().expectStatus().isNoContent();

		browser.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		script.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aRoleChangeEndsEverySessionAndTokenOfThatPerson() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person colleague = data.person(district, Role.DISTRICT_ADMIN, Role.TEACHER);
		WebTestClient browser = data.as(colleague);
		WebTestClient script = bearer(token(browser, List.of("READ", "MANAGE"), 30));
		WebTestClient adminBrowser = data.as(admin);

		adminBrowser.put()
			.uri("/api/v1/people/{id}", colleague.id())
			.bodyValue(Map.of("displayName", "Pat Colleague", "roles", List.of("TEACHER")))
			.exchange()
			.expectStatus()
			.isOk();

		browser.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		script.get().uri("/api/v1/people").exchange().expectStatus().isUnauthorized();
		// an edit that keeps the roles signs nobody out
		WebTestClient again = data.as(colleague);
		adminBrowser.put()
			.uri("/api/v1/people/{id}", colleague.id())
			.bodyValue(Map.of("displayName", "Pat Renamed", "roles", List.of("TEACHER")))
			.exchange()
			.expectStatus()
			.isOk();
		again.get().uri("/api/v1/me").exchange().expectStatus().isOk();
		adminBrowser.get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void aTokenOfADeactivatedPersonStaysDeadAfterReactivation() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient script = bearer(token(data.as(teacher), List.of("READ"), 30));
		script.get().uri("/api/v1/me").exchange().expectStatus().isOk();

		data.as(admin).post().uri("/api/v1/people/{id}/deactivate", teacher.id()).exchange().expectStatus().isOk();
		data.as(admin).post().uri("/api/v1/people/{id}/reactivate", teacher.id()).exchange().expectStatus().isOk();

		script.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		data.as(teacher).get().uri("/api/v1/me/tokens").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	private String token(WebTestClient browser, List<String> scopes, int days) {
		return (String) browser.post()
			.uri("/api/v1/me/tokens")
			.bodyValue(Map.of("name", "script " + scopes, "days", days, "scopes", scopes))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
	}

	private WebTestClient bearer(String token) {
		return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	private static Map<String, Object> invite(District district, String role) {
		return Map.of("email", "new-" + UUID.randomUUID().toString().substring(0, 8) + "@" + district.slug()
				+ ".example.org", "displayName", "New Person", "roles", List.of(role));
	}

	private static void scopeRefused(WebTestClient.RequestHeadersSpec<?> request, String needed) {
		request.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:token-scope")
			.jsonPath("$.detail")
			.value(d -> assertThat((String) d).contains("needs the " + needed + " scope"));
	}

}
