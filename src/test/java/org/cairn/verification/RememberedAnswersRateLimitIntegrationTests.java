package org.cairn.verification;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit applies to remembered answers given before the security chain ({@link RememberedAnswers}) exactly
 * as to every verification: the same limiter in the shared store, counted once per request whichever way it takes,
 * the same 429 problem with {@code Retry-After} and the chain's headers. The same settings as
 * {@link VerificationRateLimitIntegrationTests} (3 per hour), so the same application context; each test is a client
 * of its own (a loopback address of its own), so the counts do not mix.
 */
@TestPropertySource(properties = { "cairn.verification.rate-limit.enabled=true",
		"cairn.verification.rate-limit.requests=3", "cairn.verification.rate-limit.window=1h" })
@Import(IssuedBadges.class)
class RememberedAnswersRateLimitIntegrationTests extends IntegrationTest {

	@Autowired
	IssuedBadges badges;

	@Autowired
	RememberedAnswers fast;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void theFourthVerificationOfARememberedBadgeIsRefusedWith429() {
		String body = "{\"jws\":\"" + signedJws() + "\"}";
		WebTestClient client = client();
		long before = fast.answered();
		for (int i = 0; i < 3; i++) {
			EntityExchangeResult<byte[]> allowed = post(client, body);
			assertThat(allowed.getStatus().value()).as("verification %d", i + 1).isEqualTo(200);
			assertThat(json.readTree(allowed.getResponseBody()).get("valid").asBoolean()).isTrue();
		}
		assertThat(fast.answered()).as("the second and third from memory, before the chain").isEqualTo(before + 2);
		EntityExchangeResult<byte[]> refused = post(client, body);
		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(fast.answered()).isEqualTo(before + 2);
		HttpHeaders headers = refused.getResponseHeaders();
		assertThat(headers.getContentType().toString()).startsWith("application/problem+json");
		assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 3600L);
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getCacheControl()).contains("no-store");
		JsonNode problem = json.readTree(refused.getResponseBody());
		assertThat(problem.get("type").asString()).isEqualTo("urn:cairn:problem:rate-limited");
		assertThat(problem.get("retryAfter").asLong()).isBetween(1L, 3600L);

		// the ordinary way (a token that is no Cairn token) gets the same refusal with the same headers
		EntityExchangeResult<byte[]> ordinary = client.post().uri("/api/v1/verifications")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-cairn-token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange().expectBody().returnResult();
		assertThat(ordinary.getStatus().value()).isEqualTo(429);
		assertThat(RememberedAnswersIntegrationTests.headers(refused).keySet())
			.isEqualTo(RememberedAnswersIntegrationTests.headers(ordinary).keySet());
	}

	@Test
	void aVerificationThatGoesOnToTheEndpointIsCountedOnce() {
		String jws = signedJws();
		post(client(), "{\"jws\":\"" + jws + "\"}"); // remembered, from another client's count
		WebTestClient client = client();
		long before = fast.answered();
		// read before the chain, not remembered (another recipient), then counted by the gate: once each
		String notRemembered = "{\"jws\":\"" + jws + "\",\"recipient\":\"someone.else@example.org\"}";
		for (int i = 0; i < 3; i++) {
			assertThat(post(client, notRemembered).getStatus().value()).as("verification %d", i + 1).isEqualTo(200);
		}
		assertThat(post(client, notRemembered).getStatus().value()).isEqualTo(429);
		assertThat(post(client, "{\"jws\":\"" + jws + "\"}").getStatus().value())
			.as("a remembered one from the same client is refused too").isEqualTo(429);
		assertThat(fast.answered()).isEqualTo(before);
	}

	private String signedJws() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		badges.mode(data.as(admin), "SIGNED");
		return badges.issue(district, teacher, data.as(teacher)).get("jws").asString();
	}

	/** A client connecting from a loopback address of its own (127.x.y.z): a window of its own at the limiter. */
	private WebTestClient client() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String address = "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255);
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + port)
			.build();
	}

	private static EntityExchangeResult<byte[]> post(WebTestClient client, String body) {
		return client.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody().returnResult();
	}

}
