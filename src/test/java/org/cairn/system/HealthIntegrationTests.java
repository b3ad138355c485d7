package org.cairn.system;

import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class HealthIntegrationTests extends IntegrationTest {

	@Test
	void probesAnswerWithoutSignInAndTellNoDetails() {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			http.get().uri(probe).exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.components").doesNotExist();
		}
	}

}
