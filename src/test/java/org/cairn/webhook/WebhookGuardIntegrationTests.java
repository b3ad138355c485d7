package org.cairn.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.outbound.AddressPolicy;
import org.cairn.outbound.NameResolution;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks go out only through the guarded client. Refusals are proven by the address policy and an injected
 * resolver: nothing here ever connects anywhere but to receivers on 127.0.0.1, the one block the test configuration
 * allows ({@code cairn.issuing.webhooks.allowed-networks: 127.0.0.1/32}).
 */
class WebhookGuardIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	WebhookProperties properties;

	private final List<HttpServer> servers = new ArrayList<>();

	private final List<ServerSocket> sockets = new ArrayList<>();

	@AfterEach
	void stopReceivers() throws IOException {
		servers.forEach(s -> s.stop(0));
		for (ServerSocket socket : sockets) {
			socket.close();
		}
	}

	@Test
	void registeringAnInternalAddressIsAPlainWordsProblemAndNothingIsStored() {
		District district = data.district();
		WebTestClient admin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		for (String url : List.of("https://127.0.0.2:8443/hook", "http://127.0.0.2:8080/hook", "https://[::1]/hook",
				"https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/hook", "https://192.168.1.20/hook",
				"https://[::ffff:10.0.0.1]/hook", "https://[fd00::1]/hook", "https://0.0.0.0/hook",
				"https://100.64.0.1/hook")) {
			admin.post()
				.uri("/api/v1/webhooks")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("url", url))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("url")
				.jsonPath("$.detail")
				.value(detail -> assertThat((String) detail).as(url)
					.contains("does not send webhooks to")
					.contains("internal address"));
		}
		// 127.0.0.1 spelled so that only a resolver reads it as an address
		for (String url : List.of("https://2130706433/hook", "https://0x7f.0.0.1/hook", "https://0177.0.0.1/hook",
				"https://127.1/hook")) {
			admin.post()
				.uri("/api/v1/webhooks")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("url", url))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("url");
		}
		admin.get().uri("/api/v1/webhooks").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
		// a public name is accepted: it is judged on what it resolves to when a delivery goes out
		admin.post()
			.uri("/api/v1/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "https://hr.district.example/hook"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void aNameThatResolvesInsideIsRefusedAtDeliveryWithoutConnecting() {
		District district = data.district();
		WebTestClient admin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		String rebinding = register(admin, "https://hr.district.example/hook");
		String metadata = register(admin, "https://metadata.district.example/latest");
		// stored before the registration check existed: judged again at delivery
		WebhookEndpoint literal = mongo.insert(new WebhookEndpoint(null, district.id(),
				"https://169.254.169.254/latest/meta-data/", "whsec_x", Instant.now())).block();
		List<String> asked = new CopyOnWriteArrayList<>();
		NameResolution inside = host -> {
			asked.add(host);
			return switch (host) {
				case "hr.district.example" -> List.of(InetAddress.getByAddress(new byte[] { 10, 1, 2, 3 }));
				case "metadata.district.example" -> List.of(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }),
						InetAddress.getByAddress(new byte[] { (byte) 169, (byte) 254, (byte) 169, (byte) 254 }));
				default -> throw new UnknownHostException(host);
			};
		};
		Instant later = queueInTheFuture(district, List.of(rebinding, metadata, literal.id()));

		Webhooks worker = worker(inside, Clock.offset(clock, Duration.between(clock.instant(), later)));
		assertThat(worker.deliverOnce(district.id()).block()).isEqualTo(3);

		assertThat(asked).containsExactlyInAnyOrder("hr.district.example", "metadata.district.example");
		for (String endpoint : List.of(rebinding, metadata, literal.id())) {
			admin.get()
				.uri("/api/v1/webhooks/{id}/deliveries", endpoint)
				.exchange()
				.expectBody()
				.jsonPath("$[0].status")
				.isEqualTo("PENDING")
				.jsonPath("$[0].attempts")
				.isEqualTo(1)
				.jsonPath("$[0].lastError")
				.isEqualTo("refused by address policy");
		}
	}

	@Test
	void failuresAreRecordedAsCategoriesNeverAsExceptionText() throws Exception {
		District district = data.district();
		WebTestClient admin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = probe.getLocalPort();
		}
		AtomicInteger stolen = new AtomicInteger();
		HttpServer elsewhere = receiver(exchange -> {
			stolen.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
		});
		HttpServer receiver = receiver(exchange -> {
			switch (exchange.getRequestURI().getPath()) {
				case "/down" -> exchange.sendResponseHeaders(503, -1);
				case "/gone" -> exchange.sendResponseHeaders(404, -1);
				case "/moved" -> {
					exchange.getResponseHeaders()
						.add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/steal");
					exchange.sendResponseHeaders(307, -1);
				}
				default -> {
					// never answers within the 2 s the test configuration allows
					sleep(Duration.ofSeconds(5));
					exchange.sendResponseHeaders(204, -1);
				}
			}
		});
		// answers every connection in plain text at once, whatever the client says: no TLS handshake can succeed
		ServerSocket plainText = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		sockets.add(plainText);
		Thread answering = new Thread(() -> {
			while (!plainText.isClosed()) {
				try (java.net.Socket socket = plainText.accept()) {
					socket.getOutputStream()
						.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
				}
				catch (IOException ex) {
					// closed at the end of the test
				}
			}
		});
		answering.setDaemon(true);
		answering.start();
		String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
		Map<String, String> expected = Map.of(register(admin, base + "/down"), "receiver answered 5xx",
				register(admin, base + "/gone"), "receiver answered 4xx", register(admin, base + "/moved"),
				"receiver answered with a redirect, which is not followed", register(admin, base + "/slow"),
				"timed out", register(admin, "http://127.0.0.1:" + closedPort + "/hook"), "could not connect",
				// https to a server that speaks plain text: the handshake fails
				register(admin, "https://127.0.0.1:" + plainText.getLocalPort() + "/hook"), "TLS failure");

		Instant later = queueInTheFuture(district, List.copyOf(expected.keySet()));
		worker(NameResolution.system(), Clock.offset(clock, Duration.between(clock.instant(), later)))
			.deliverOnce(district.id())
			.block();

		expected.forEach((endpoint, words) -> admin.get()
			.uri("/api/v1/webhooks/{id}/deliveries", endpoint)
			.exchange()
			.expectBody()
			.jsonPath("$[0].lastError")
			.isEqualTo(words));
		String log = new String(admin.get().uri("/api/v1/webhooks/{id}/deliveries", expected.keySet().iterator().next())
			.exchange().expectBody().returnResult().getResponseBody());
		assertThat(log).doesNotContain("Exception", "refused:", "claimedUntil", "\"key\"");
		assertThat(stolen).as("the redirect was not followed").hasValue(0);
	}

	/** An endpoint registered through the API; returns its id. */
	private String register(WebTestClient admin, String url) {
		JsonNode created = json.readTree(admin.post()
			.uri("/api/v1/webhooks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", url))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody());
		return created.get("id").asString();
	}

	/**
	 * One delivery per endpoint, due a day from now: the application's own worker (the system resolver, the real
	 * clock) leaves them alone, and the test's worker, a day ahead with its own resolver, takes them.
	 */
	private Instant queueInTheFuture(District district, List<String> endpointIds) {
		Instant due = clock.instant().plus(Duration.ofDays(1));
		for (String endpointId : endpointIds) {
			mongo.insert(new WebhookDelivery(null, endpointId + ":test:" + due, district.id(), endpointId,
					"assertion.issued", "{\"type\":\"assertion.issued\"}", WebhookDelivery.Status.PENDING, 0, due,
					null, null, null, null, Instant.now())).block();
		}
		return due.plusSeconds(1);
	}

	private Webhooks worker(NameResolution names, Clock at) {
		return new Webhooks(mongo, json, at, properties,
				new WebhookSender(new AddressPolicy(properties.webhooks().allowedNetworks(), false), names,
						properties.webhooks()));
	}

	private HttpServer receiver(com.sun.net.httpserver.HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			handler.handle(exchange);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
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
