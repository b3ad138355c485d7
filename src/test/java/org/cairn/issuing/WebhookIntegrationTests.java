package org.cairn.issuing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks delivered to a real HTTP server on loopback, signatures checked with plain javax.crypto. */
@Import(IssuingFixtures.class)
class WebhookIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	Webhooks webhooks;

	private HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	record Received(Map<String, String> headers, String body) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (failuresLeft.getAndDecrement() > 0) {
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			received.add(new Received(Map.of("signature", exchange.getRequestHeaders().getFirst("X-Cairn-Signature"),
					"timestamp", exchange.getRequestHeaders().getFirst("X-Cairn-Timestamp"), "event",
					exchange.getRequestHeaders().getFirst("X-Cairn-Event")), new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopReceiver() {
		server.stop(0);
	}

	@Test
	void awardAndRevocationArePostedSignedWithTheEndpointSecret() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
		data.as(admin).post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "http://example.org/hook")).exchange().expectStatus().isEqualTo(422);
		data.as(teacher).post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", url)).exchange().expectStatus().isForbidden();
		JsonNode hook = json.readTree(data.as(admin).post().uri("/api/v1/webhooks")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url)).exchange()
			.expectStatus().isCreated().expectBody().returnResult().getResponseBody());
		String secret = hook.get("secret").asString();

		failuresLeft.set(1);
		Award award = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), "tier-1"));
		await(() -> !webhooks.deliveries(district.id(), hook.get("id").asString()).collectList().block().isEmpty()
				&& webhooks.deliveries(district.id(), hook.get("id").asString()).blockFirst().attempts() > 0);
		WebhookDelivery failed = webhooks.deliveries(district.id(), hook.get("id").asString()).blockFirst();
		assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.PENDING);
		assertThat(failed.lastStatus()).isEqualTo(503);
		assertThat(failed.nextAttemptAt()).isAfter(failed.createdAt());
		assertThat(received).isEmpty();

		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", award.assertionId())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Duplicate")).exchange()
			.expectStatus().isOk();
		await(() -> received.size() >= 1);
		Received revoked = received.get(0);
		assertThat(revoked.headers().get("event")).isEqualTo("assertion.revoked");
		assertThat(revoked.headers().get("signature"))
			.isEqualTo("sha256=" + hmac(secret, revoked.headers().get("timestamp") + "." + revoked.body()));
		JsonNode event = json.readTree(revoked.body());
		assertThat(event.get("data").get("assertionId").asString()).isEqualTo(award.assertionId());
		assertThat(event.get("data").get("revocationReason").asString()).isEqualTo("Duplicate");
		assertThat(event.get("data").get("stipendCents").asLong()).isEqualTo(7500);
	}

	private static String hmac(String secret, String message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			if (condition.getAsBoolean()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("condition not met");
	}

}
