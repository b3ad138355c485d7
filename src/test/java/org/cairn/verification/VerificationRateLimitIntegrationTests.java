package org.cairn.verification;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client limit, counted in the shared store: a second instance (another {@link RateLimiter} on the same
 * store) sees the first one's count; over the limit the endpoint answers 429 problem+json with Retry-After.
 */
@TestPropertySource(properties = { "cairn.verification.rate-limit.enabled=true",
		"cairn.verification.rate-limit.requests=3", "cairn.verification.rate-limit.window=1h" })
class VerificationRateLimitIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void refusesTheFourthRequestInAWindowWith429AndRetryAfter() {
		for (int i = 0; i < 3; i++) {
			http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("jws", "not.a.jws")).exchange().expectStatus().isOk();
		}
		http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("jws", "not.a.jws"))
			.exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isPositive())
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:rate-limited");
		// other endpoints are not limited by it
		http.get().uri("/public/issuers/none").exchange().expectStatus().isNotFound();
	}

	@Test
	void instancesShareOneCountPerClient() {
		RateLimiter one = new RateLimiter(mongo, Clock.systemUTC());
		RateLimiter two = new RateLimiter(mongo, Clock.systemUTC());
		String client = "198.51.100." + UUID.randomUUID().hashCode();
		Duration window = Duration.ofHours(1);

		assertThat(one.hit(client, 3, window).block().allowed()).isTrue();
		assertThat(two.hit(client, 3, window).block().allowed()).isTrue();
		assertThat(one.hit(client, 3, window).block().allowed()).isTrue();
		RateLimiter.Decision fourth = two.hit(client, 3, window).block();
		assertThat(fourth.allowed()).isFalse();
		assertThat(fourth.count()).isEqualTo(4);
		assertThat(fourth.retryAfterSeconds()).isBetween(1L, 3600L);
		// another client has its own window
		assertThat(one.hit(client + "x", 3, window).block().allowed()).isTrue();
	}

}
