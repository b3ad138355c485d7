package org.cairn.platform;

import java.util.Map;
import java.util.UUID;

import org.cairn.account.Sessions;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The one-time set-up link a first start logs when no platform administrator is configured. */
class SetupLinkIntegrationTests extends IntegrationTest {

	@Autowired
	FirstStart firstStart;

	@Test
	void theLinkCreatesOnePlatformAdministratorAndWorksOnce() {
		String token = firstStart.issueSetupToken().block();
		String email = "root-" + UUID.randomUUID().toString().substring(0, 8) + "@cairn.test";
		var created = http.post().uri("/api/v1/setup/{token}", token)
			.bodyValue(Map.of("email", email, "displayName", "Root", "password", "a long platform passphrase"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody().jsonPath("$.email").isEqualTo(email)
			.returnResult();
		String session = created.getResponseCookies().getFirst(Sessions.COOKIE).getValue();
		http.get().uri("/api/v1/districts").cookie(Sessions.COOKIE, session).exchange().expectStatus().isOk();

		http.post().uri("/api/v1/setup/{token}", token)
			.bodyValue(Map.of("email", "second-" + email, "displayName", "Second", "password",
					"another long passphrase"))
			.exchange()
			.expectStatus().isEqualTo(410)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:setup-link-invalid");
	}

	@Test
	void aNewerLinkRetiresTheOlderOne() {
		String older = firstStart.issueSetupToken().block();
		String newer = firstStart.issueSetupToken().block();
		http.post().uri("/api/v1/setup/{token}", older)
			.bodyValue(Map.of("email", "old-" + UUID.randomUUID() + "@cairn.test", "displayName", "Old", "password",
					"a long platform passphrase"))
			.exchange()
			.expectStatus().isEqualTo(410);
		http.post().uri("/api/v1/setup/{token}", newer)
			.bodyValue(Map.of("email", "short-password@cairn.test", "displayName", "New", "password", "short"))
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
	}

}
