package org.cairn.webhook;

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

	@Test
	void twoInstancesOnOneStoreShareADistrictsLaneAndDeliverEachEventOnce() throws Exception {
		AtomicInteger underWay = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
		HttpServer receiver = receiver(() -> {
			mostAtOnce.accumulateAndGet(underWay.incrementAndGet(), Math::max);
			sleep(Duration.ofMillis(200));
			underWay.decrementAndGet();
			return 204;
		}, received);
		District district = data.district();
		districts.add(district.id());
		String hook = register(data.as(data.person(district, Role.DISTRICT_ADMIN)), receiver);
		// due tomorrow: the application's own worker leaves them to the two "instances" below, a day ahead
		Instant due = Instant.now().plus(Duration.ofDays(1));
		List<WebhookDelivery> queued = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			queued.add(new WebhookDelivery(null, hook + ":assertion.issued:two-" + i, district.id(), hook,
					"assertion.issued", "{\"n\":" + i + "}", WebhookDelivery.Status.PENDING, 0, due, null, null,
					null, null, Instant.now()));
		}
		mongo.insertAll(queued).then().block();
		java.time.Clock tomorrow = java.time.Clock.offset(clock, Duration.between(clock.instant(), due.plusSeconds(1)));
		Webhooks one = new Webhooks(mongo, json, tomorrow, issuingProperties);
		Webhooks other = new Webhooks(mongo, json, tomorrow, issuingProperties);

		List<Long> attempted = reactor.core.publisher.Flux
			.merge(one.deliverOnce(district.id()), other.deliverOnce(district.id()))
			.collectList()
			.block();

		assertThat(attempted).as("one instance holds the lane, the other finds it taken").containsExactlyInAnyOrder(24L,
				0L);
		assertThat(received).hasSize(24).doesNotHaveDuplicates();
		assertThat(mostAtOnce.get()).isLessThanOrEqualTo(issuingProperties.webhooks().concurrencyPerDistrict());
		assertThat(mongo.count(Query.query(Criteria.where("districtId").is(district.id()).and("status")
			.is(WebhookDelivery.Status.DELIVERED)), WebhookDelivery.class).block()).isEqualTo(24);
	}

	@Autowired
	WebhookProperties issuingProperties;

	@Autowired
	java.time.Clock clock;

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
		return receiver(answer, new ArrayList<>());
	}

	/** A receiver on loopback that answers as told and keeps each delivery id it was sent. */
	private HttpServer receiver(java.util.concurrent.Callable<Integer> answer, List<String> deliveries)
			throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			deliveries.add(exchange.getRequestHeaders().getFirst("X-Cairn-Delivery"));
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
