package org.cairn.issuing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One district's failing backlog does not hold up another district's webhooks: both receivers are real servers on
 * loopback, and the application's own scheduled worker delivers.
 */
class WebhookFairnessIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	JsonMapper json;

	@Autowired
	Webhooks webhooks;

	private final List<HttpServer> servers = new ArrayList<>();

	private final List<String> districts = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		servers.forEach(s -> s.stop(0));
		districts.forEach(d -> mongo
			.remove(Query.query(Criteria.where("districtId").is(d)), WebhookDelivery.class)
			.block());
	}

	@Test
	void aDistrictWithTwoThousandFailingDeliveriesDoesNotDelayAnotherDistrict() throws Exception {
		// district A: an HR system that accepts connections and never answers, and 2,000 deliveries due now
		AtomicInteger reachedA = new AtomicInteger();
		HttpServer hanging = receiver(() -> {
			reachedA.incrementAndGet();
			sleep(Duration.ofSeconds(30));
			return 204;
		});
		District a = data.district();
		districts.add(a.id());
		String hookA = register(data.as(data.person(a, Role.DISTRICT_ADMIN)), hanging);
		Instant now = Instant.now();
		List<WebhookDelivery> backlog = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			backlog.add(new WebhookDelivery(null, hookA + ":assertion.issued:backlog-" + i, a.id(), hookA,
					"assertion.issued", "{\"type\":\"assertion.issued\"}", WebhookDelivery.Status.PENDING, 0,
					now.minusSeconds(60), null, null, null, null, now.minusSeconds(60)));
		}
		mongo.insertAll(backlog).then().block();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (reachedA.get() == 0 && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		assertThat(reachedA.get()).as("the worker is busy with district A").isPositive();

		// district B: a healthy receiver and one fresh event
		CountDownLatch arrivedB = new CountDownLatch(1);
		HttpServer healthy = receiver(() -> {
			arrivedB.countDown();
			return 204;
		});
		District b = data.district();
		districts.add(b.id());
		register(data.as(data.person(b, Role.DISTRICT_ADMIN)), healthy);
		long start = System.nanoTime();
		webhooks.enqueue(b.id(), "assertion.issued", "fresh", Map.of("assertionId", "fresh")).block();

		assertThat(arrivedB.await(8, TimeUnit.SECONDS)).as("district B's delivery arrives within 8 s").isTrue();
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.printf("district B's webhook arrived %d ms after its event, behind %d of A's stuck deliveries%n",
				millis, 2000);
	}

	private String register(WebTestClient admin, HttpServer receiver) {
		return json.readTree(admin.post()
			.uri("/api/v1/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody()).get("id").asString();
	}

	private HttpServer receiver(java.util.concurrent.Callable<Integer> answer) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			try {
				exchange.sendResponseHeaders(answer.call(), -1);
			}
			catch (Exception ex) {
				exchange.sendResponseHeaders(500, -1);
			}
			exchange.close();
		});
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		servers.add(server);
		return server;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
