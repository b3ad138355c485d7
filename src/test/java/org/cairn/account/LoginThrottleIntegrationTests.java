package org.cairn.account;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.cairn.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleIntegrationTests extends ExternalServersTest {

	@BeforeEach
	void freshWindow() {
		// Windows are fixed and shared by the whole context; moving past one gives each test a clean slate.
		clock.advance(Duration.ofMinutes(16));
	}

	@Test
	void tenFailuresForAnEmailBlockItEvenWithTheRightPasswordUntilTheWindowEnds() {
		Person teacher = data.person(data.district(), Role.TEACHER);
		for (int i = 0; i < 10; i++) {
			login(teacher.email(), "wrong password " + i).expectStatus().isUnauthorized();
		}
		login(teacher.email(), TestData.PASSWORD)
			.expectStatus().isEqualTo(429)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 900))
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:too-many-attempts");

		clock.advance(Duration.ofMinutes(15));
		login(teacher.email(), TestData.PASSWORD).expectStatus().isOk();
	}

	@Test
	void unknownEmailsAreThrottledExactlyLikeKnownOnes() {
		Person teacher = data.person(data.district(), Role.TEACHER);
		String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
		for (int i = 0; i < 10; i++) {
			login(teacher.email(), "wrong").expectStatus().isUnauthorized();
			login(unknown, "wrong").expectStatus().isUnauthorized();
		}
		String known = login(teacher.email(), "wrong").expectStatus().isEqualTo(429)
			.expectBody(String.class).returnResult().getResponseBody();
		String nobody = login(unknown, "wrong").expectStatus().isEqualTo(429)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(SignInIntegrationTests.withoutRequestId(nobody))
			.isEqualTo(SignInIntegrationTests.withoutRequestId(known));
	}

	@Test
	void oneClientAddressFailingAcrossManyEmailsIsBlocked() {
		Person teacher = data.person(data.district(), Role.TEACHER);
		for (int i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
			login("guess-" + i + "-" + UUID.randomUUID() + "@example.org", "wrong").expectStatus().isUnauthorized();
		}
		login(teacher.email(), TestData.PASSWORD).expectStatus().isEqualTo(429);
		clock.advance(Duration.ofMinutes(16));
		login(teacher.email(), TestData.PASSWORD).expectStatus().isOk();
	}

	@Test
	void successForgivesTheEmailsEarlierFailures() {
		Person teacher = data.person(data.district(), Role.TEACHER);
		for (int i = 0; i < 9; i++) {
			login(teacher.email(), "wrong").expectStatus().isUnauthorized();
		}
		login(teacher.email(), TestData.PASSWORD).expectStatus().isOk();
		for (int i = 0; i < 9; i++) {
			login(teacher.email(), "wrong").expectStatus().isUnauthorized();
		}
		login(teacher.email(), TestData.PASSWORD).expectStatus().isOk();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String email,
			String password) {
		return http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", password))
			.exchange();
	}

}
