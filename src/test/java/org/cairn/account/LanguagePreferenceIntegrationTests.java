package org.cairn.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 18: a person chooses their language (or goes back to the browser's), it shows in {@code /api/v1/me}, and a
 * teacher who left the district may still choose it.
 */
class LanguagePreferenceIntegrationTests extends IntegrationTest {

	@Autowired
	PersonChanges changes;

	@Test
	void aTeacherChoosesSpanishAndGoesBackToTheBrowsersLanguage() {
		District district = data.district();
		WebTestClient asTeacher = data.as(data.person(district, Role.TEACHER));
		asTeacher.get().uri("/api/v1/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.language").isEmpty();

		choose(asTeacher, "es").expectStatus().isOk().expectBody().jsonPath("$.language").isEqualTo("es");
		// the same choice again (a retry) answers the same
		choose(asTeacher, "es").expectStatus().isOk().expectBody().jsonPath("$.language").isEqualTo("es");
		asTeacher.get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.language").isEqualTo("es");

		choose(asTeacher, null).expectStatus().isOk().expectBody().jsonPath("$.language").isEmpty();
		asTeacher.get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.language").isEmpty();
	}

	@Test
	void aLanguageCairnDoesNotSpeakIsAClearError() {
		WebTestClient asTeacher = data.as(data.person(data.district(), Role.TEACHER));
		choose(asTeacher, "fr").expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions
				.assertThat(detail.toString()).contains("language").doesNotContain("java"));
		asTeacher.get().uri("/api/v1/me").exchange().expectBody().jsonPath("$.language").isEmpty();
	}

	@Test
	void aTeacherWhoLeftTheDistrictMayStillChooseTheirLanguage() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		changes.setDeparted(district.id(), teacher.id(), Instant.now()).block();
		WebTestClient asFormer = data.as(teacher);
		choose(asFormer, "es").expectStatus().isOk().expectBody()
			.jsonPath("$.departed").isEqualTo(true)
			.jsonPath("$.language").isEqualTo("es");
	}

	private static WebTestClient.ResponseSpec choose(WebTestClient client, String language) {
		Map<String, Object> body = new HashMap<>();
		body.put("language", language);
		return client.put().uri("/api/v1/me/language").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange();
	}

}
