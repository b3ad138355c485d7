package org.cairn.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	WebhookProperties properties;

	@Autowired
	Clock clock;

	private HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicReference<String> secret = new AtomicReference<>("");

	/** One request as the receiver saw it, and whether its own signature check passed. */
	record Received(String delivery, String event, int status, boolean signatureValid, String body) {
	}

	/** An HR system's receiver: checks the signature and the timestamp the way the docs tell integrators to. */
	@BeforeEach
	void startReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String timestamp = exchange.getRequestHeaders().getFirst("X-Cairn-Timestamp");
			String signature = exchange.getRequestHeaders().getFirst("X-Cairn-Signature");
			boolean fresh = timestamp != null
					&& Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 2 * 3600 + 300;
			boolean valid = fresh && signature != null && MessageDigest.isEqual(
					signature.getBytes(StandardCharsets.US_ASCII),
					("sha256=" + hmac(secret.get(), timestamp + "." + new String(body, StandardCharsets.UTF_8)))
						.getBytes(StandardCharsets.US_ASCII));
			int status = !valid ? 401 : failuresLeft.getAndDecrement() > 0 ? 503 : 204;
			received.add(new Received(exchange.getRequestHeaders().getFirst("X-Cairn-Delivery"),
					exchange.getRequestHeaders().getFirst("X-Cairn-Event"), status, valid,
					new String(body, StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopReceiver() {
		server.stop(0);
	}

	@Test
	void awardAndRevocationArePostedSignedAndAFailedDeliveryIsRetriedWithBackoff() throws Exception {
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
		secret.set(hook.get("secret").asString());
		String hookId = hook.get("id").asString();

		// the receiver is down for the first two attempts
		failuresLeft.set(2);
		Award award = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), "tier-1"));
		await(() -> received.size() == 1 && delivery(district, hookId, "assertion.issued").attempts() == 1);
		WebhookDelivery first = delivery(district, hookId, "assertion.issued");
		assertThat(first.status()).isEqualTo(WebhookDelivery.Status.PENDING);
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.lastStatus()).isEqualTo(503);
		assertThat(Duration.between(first.createdAt(), first.nextAttemptAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));

		// an hour later (any instance's worker): fails again, and the wait doubles
		Clock anHourLater = Clock.offset(clock, Duration.ofHours(1));
		new Webhooks(mongo, json, anHourLater, properties).deliverOnce().block();
		WebhookDelivery second = delivery(district, hookId, "assertion.issued");
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(Duration.between(anHourLater.instant(), second.nextAttemptAt()))
			.isGreaterThan(Duration.ofSeconds(15)).isLessThanOrEqualTo(Duration.ofSeconds(20));
		new Webhooks(mongo, json, Clock.offset(clock, Duration.ofHours(2)), properties).deliverOnce().block();
		WebhookDelivery delivered = delivery(district, hookId, "assertion.issued");
		assertThat(delivered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
		assertThat(delivered.attempts()).isEqualTo(3);
		assertThat(received).hasSize(3).allSatisfy(r -> {
			assertThat(r.signatureValid()).isTrue();
			assertThat(r.delivery()).isEqualTo(delivered.id());
			assertThat(r.body()).as("a retry sends the same event").isEqualTo(received.get(0).body());
		});
		JsonNode issued = json.readTree(received.get(2).body());
		assertThat(issued.get("type").asString()).isEqualTo("assertion.issued");
		assertThat(issued.get("data").get("assertionId").asString()).isEqualTo(award.assertionId());
		assertThat(issued.get("data").get("personId").asString()).isEqualTo(teacher.id());
		assertThat(issued.get("data").get("stipendCents").asLong()).isEqualTo(7500);

		data.as(admin).post().uri("/api/v1/assertions/{id}/revoke", award.assertionId())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Duplicate")).exchange()
			.expectStatus().isOk();
		await(() -> received.size() == 4
				&& delivery(district, hookId, "assertion.revoked").status() == WebhookDelivery.Status.DELIVERED);
		Received revoked = received.get(3);
		assertThat(revoked.event()).isEqualTo("assertion.revoked");
		assertThat(revoked.signatureValid()).isTrue();
		assertThat(revoked.status()).isEqualTo(204);
		JsonNode event = json.readTree(revoked.body());
		assertThat(event.get("data").get("assertionId").asString()).isEqualTo(award.assertionId());
		assertThat(event.get("data").get("revocationReason").asString()).isEqualTo("Duplicate");

		// the admin sees the delivery log; another district does not
		data.as(admin).get().uri("/api/v1/webhooks/{id}/deliveries", hookId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(2);
		data.as(data.person(data.district(), Role.DISTRICT_ADMIN)).get().uri("/api/v1/webhooks/{id}/deliveries", hookId)
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	private WebhookDelivery delivery(District district, String hookId, String type) {
		return webhooks.deliveries(district.id(), hookId).filter(d -> d.eventType().equals(type)).blockFirst();
	}

	private static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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
