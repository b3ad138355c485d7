package org.cairn.system;

import org.cairn.account.Role;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

class ProblemResponsesIntegrationTests extends IntegrationTest {

	@Test
	void unknownApiPathIsAProblemDocument() {
		var teacher = data.person(data.district(), Role.TEACHER);
		data.as(teacher).get().uri("/api/v1/no-such-thing").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:cairn:problem:not-found")
			.jsonPath("$.trace").doesNotExist();
	}

	@Test
	void malformedJsonIsABadRequestProblem() {
		var teacher = data.person(data.district(), Role.TEACHER);
		data.as(teacher).post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"x\", \"days\": ")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:malformed-request");
	}

	@Test
	void unknownFieldsAreRefused() {
		var teacher = data.person(data.district(), Role.TEACHER);
		data.as(teacher).post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"x\", \"days\": 3, \"scopes\": [\"READ\"], \"dayz\": 4}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat((String) d).contains("dayz"));
	}

	@Test
	void invalidFieldsAreListed() {
		var teacher = data.person(data.district(), Role.TEACHER);
		data.as(teacher).post().uri("/api/v1/me/tokens")
			.bodyValue(java.util.Map.of("name", "", "days", 9999, "scopes", java.util.List.of("READ")))
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:cairn:problem:validation")
			.jsonPath("$.errors.length()").isEqualTo(2);
	}

}
