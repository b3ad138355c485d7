package org.cairn.people;

import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class PasswordResetIntegrationTests extends IntegrationTest {

	static final String NEW_PASSWORD = "a brand new passphrase";

	@Autowired
	CairnProperties cairn;

	@Test
	void resetLinkWorksOnceAndSignsThePersonOutEverywhere() {
		MailLinks mail = new MailLinks(cairn.dataDir());
		Person teacher = data.person(data.district(), Role.TEACHER);
		WebTestClient oldBrowser = data.as(teacher);
		oldBrowser.get().uri("/api/v1/me").exchange().expectStatus().isOk();

		http.post().uri("/api/v1/password-resets").bodyValue(Map.of("email", teacher.email().toUpperCase()))
			.exchange().expectStatus().isAccepted();
		String token = mail.awaitOnlyToken(teacher.email(), "/password-resets/");

		http.post().uri("/api/v1/password-resets/" + token).bodyValue(Map.of("password", "too short"))
			.exchange().expectStatus().isEqualTo(422);
		http.post().uri("/api/v1/password-resets/" + token).bodyValue(Map.of("password", NEW_PASSWORD))
			.exchange().expectStatus().isNoContent();

		oldBrowser.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", teacher.email(), "password", NEW_PASSWORD))
			.exchange().expectStatus().isOk();
		http.post().uri("/api/v1/password-resets/" + token).bodyValue(Map.of("password", "yet another passphrase"))
			.exchange()
			.expectStatus().isEqualTo(410)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:password-reset-used");
	}

	@Test
	void askingForAResetSaysNothingAboutWhetherTheAccountExists() {
		Person teacher = data.person(data.district(), Role.TEACHER);
		String known = http.post().uri("/api/v1/password-resets").bodyValue(Map.of("email", teacher.email()))
			.exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();
		String unknown = http.post().uri("/api/v1/password-resets")
			.bodyValue(Map.of("email", "nobody-" + teacher.email()))
			.exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();
		org.assertj.core.api.Assertions.assertThat(unknown).isEqualTo(known).isNullOrEmpty();
	}

	@Test
	void unknownResetLinkIsANotFoundProblem() {
		http.post().uri("/api/v1/password-resets/pwr_nonsense").bodyValue(Map.of("password", NEW_PASSWORD))
			.exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:password-reset-not-found");
	}

}
