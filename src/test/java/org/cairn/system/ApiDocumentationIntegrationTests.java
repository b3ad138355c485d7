package org.cairn.system;

import java.time.Duration;

import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentationIntegrationTests extends IntegrationTest {

	@Test
	void openApiDocumentDescribesTheVersionedApi() {
		// The document is built from every controller on first request: seconds on a busy machine.
		http.mutate().responseTimeout(Duration.ofMinutes(1)).build().get().uri("/v3/api-docs").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3."))
			.jsonPath("$.info.title").isEqualTo("Cairn API")
			.jsonPath("$.paths['/api/v1/auth/login'].post").exists()
			.jsonPath("$.paths['/api/v1/me/tokens'].post").exists()
			.jsonPath("$.paths['/api/v1/people'].get").exists()
			.jsonPath("$.paths['/api/v1/people/{id}'].put").exists()
			.jsonPath("$.paths['/api/v1/district'].put").exists()
			.jsonPath("$.paths['/api/v1/invitations/{token}'].post").exists()
			.jsonPath("$.components.securitySchemes.accessToken.scheme").isEqualTo("bearer")
			.jsonPath("$.components.securitySchemes.session.name").isEqualTo("CAIRN_SESSION");
	}

	@Test
	void browsableUiIsServedWithoutSignIn() {
		var redirect = http.get().uri("/swagger-ui.html").exchange()
			.expectStatus().is3xxRedirection()
			.expectBody().returnResult();
		String location = redirect.getResponseHeaders().getLocation().toString();
		assertThat(location).contains("/swagger-ui/index.html");
		http.get().uri(location).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
		http.get().uri("/v3/api-docs/swagger-config").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
	}

	@Test
	void unknownPathsOutsideTheApiAreProblemDocumentsToo() {
		for (String path : new String[] { "/no-such-file.txt", "/public/no-such-thing", "/v3/no-such-doc",
				"/actuator/no-such-endpoint" }) {
			http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange()
				.expectStatus().isNotFound()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo("urn:cairn:problem:not-found")
				.jsonPath("$.status").isEqualTo(404);
		}
		http.delete().uri("/api/v1/district").header("Authorization", "Bearer cairn_pat_unknown").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
