package org.cairn.bulk;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import org.cairn.CairnApplication;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.account.Sessions;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.issuing.IssuedAssertion;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.support.TestData;
import org.cairn.system.EmbeddedMongo;
import org.cairn.template.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real Cairn instances behind an imagined load balancer: A runs the embedded store and shares it
 * ({@code cairn.embedded-mongo-shared=true} with a configured password, still on loopback), B joins it with
 * {@code spring.mongodb.uri}. Everything is driven over real HTTP on each instance's random port; nothing one
 * instance keeps in memory may be needed by the other.
 */
class TwoInstancesIntegrationTests {

	/** What the revocation bound is asserted against: B's generation poll runs every 250 ms in this test. */
	static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

	@TempDir
	static Path dirA;

	@TempDir
	static Path dirB;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeAll
	static void startBoth() {
		String password = secret();
		String masterKey = secret32();
		a = start(dirA, "--cairn.embedded-mongo-shared=true", "--cairn.embedded-mongo-password=" + password,
				"--cairn.keys.master-key=" + masterKey);
		InetSocketAddress store = a.getBean(EmbeddedMongo.class).address();
		b = start(dirB, "--spring.mongodb.uri=mongodb://cairn:" + password + "@127.0.0.1:" + store.getPort()
				+ "/cairn?authSource=admin&authMechanism=SCRAM-SHA-256", "--cairn.keys.master-key=" + masterKey);
	}

	@AfterAll
	static void stopBoth() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
		List<String> args = new java.util.ArrayList<>(List.of("--cairn.data-dir=" + dataDir, "--server.port=0",
				"--cairn.public-base-url=https://cairn.test", "--spring.main.banner-mode=off",
				// short polls so the test takes seconds: both instances' bulk workers, generation and webhook polls
				"--cairn.issuing.bulk-poll-ms=200", "--cairn.issuing.cache-poll-ms=250",
				"--cairn.issuing.webhook-poll-ms=200", "--cairn.login.max-failures-per-email=3",
				// the verifier's per-client limit, small enough to reach: 3 a window, counted in the shared store
				"--cairn.verification.rate-limit.enabled=true", "--cairn.verification.rate-limit.requests=3",
				"--cairn.verification.rate-limit.window=1h"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(CairnApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void aSecondInstanceWithoutThePasswordCannotJoin() {
		InetSocketAddress store = a.getBean(EmbeddedMongo.class).address();
		var client = com.mongodb.reactivestreams.client.MongoClients.create("mongodb://cairn:wrong-password-0123456789@127.0.0.1:"
				+ store.getPort() + "/cairn?authSource=admin&authMechanism=SCRAM-SHA-256&serverSelectionTimeoutMS=3000");
		try {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> reactor.core.publisher.Flux
				.from(client.getDatabase("cairn").listCollectionNames()).collectList().block(Duration.ofSeconds(10)))
				.isInstanceOf(RuntimeException.class);
		}
		finally {
			client.close();
		}
	}

	/**
	 * A client verifying badges through both instances behind the load balancer gets one limit, not one per
	 * instance: after its 3 verifications on A, B answers 429 with Retry-After.
	 */
	@Test
	void theVerificationRateLimitIsSharedByBothInstances() {
		for (int i = 0; i < 3; i++) {
			client(a).post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("jws", "not.a.jws")).exchange().expectStatus().isOk();
		}
		client(b).post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("jws", "not.a.jws")).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After")
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:rate-limited");
	}

	@Test
	void sessionsThrottlesBulkJobsRevocationsAndWebhooksAreSharedByBothInstances() throws Exception {
		ReactiveMongoTemplate mongo = a.getBean(ReactiveMongoTemplate.class);
		District district = district(a);
		Person admin = person(a, district, Role.DISTRICT_ADMIN);
		String session = a.getBean(Sessions.class).open(admin.id()).block().getValue();

		// a session made on A works on B
		as(b, session).get().uri("/api/v1/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(admin.id());

		// failed sign-ins on A count on B: after 3 on A, B refuses even the right password
		Person teacher = person(a, district, Role.TEACHER);
		for (int i = 0; i < 3; i++) {
			client(a).post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", teacher.email(), "password", "not the password")).exchange()
				.expectStatus().isUnauthorized();
		}
		client(b).post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", teacher.email(), "password", TestData.PASSWORD)).exchange()
			.expectStatus().isEqualTo(429)
			.expectBody().jsonPath("$.title").isEqualTo("Too many sign-in attempts");

		// a bulk job started on A is worked by both instances' workers, each recipient awarded once
		Template template = new IssuingFixtures(mongo, a.getBean(AwardRepository.class),
				a).template(district, null);
		String badgeClassId = badgeClass(session, template);
		int total = 600;
		String csv = "email,name\n" + IntStream.range(0, total)
			.mapToObj(i -> "person" + i + "@two.example.org,Person " + i).collect(Collectors.joining("\n"));
		String jobId = JSON.readTree(as(a, session).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
			.expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
		await(Duration.ofSeconds(120), () -> "DONE".equals(progress(b, session, jobId).get("status").asString()));
		JsonNode progress = progress(b, session, jobId);
		assertThat(progress.get("done").asInt()).isEqualTo(total);
		assertThat(progress.get("failed").asInt()).isZero();
		List<IssuedAssertion> issued = mongo.find(Query.query(Criteria.where("badgeClassId").is(badgeClassId)),
				IssuedAssertion.class).collectList().block();
		assertThat(issued).hasSize(total);
		assertThat(issued.stream().map(IssuedAssertion::recipientEmail).distinct()).hasSize(total);
		List<String> workers = mongo.find(Query.query(Criteria.where("jobId").is(jobId)), BulkChunk.class)
			.map(chunk -> chunk.claimedBy().substring(0, chunk.claimedBy().indexOf(':')))
			.distinct().collectList().block();
		assertThat(workers).as("chunks claimed by both instances' workers").hasSize(2);

		// a webhook registered on A; both instances run delivery workers
		List<String> deliveries = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/hook", exchange -> {
			deliveries.add(exchange.getRequestHeaders().getFirst("X-Cairn-Event") + " "
					+ exchange.getRequestHeaders().getFirst("X-Cairn-Delivery") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			as(a, session).post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")).exchange()
				.expectStatus().isCreated();

			// B serves (and caches) the hosted assertion; A revokes it; B serves it revoked within the bound
			String assertionId = issued.get(0).id();
			assertThat(hosted(b, assertionId).has("recipient")).isTrue();
			assertThat(hosted(b, assertionId).has("revoked")).isFalse();
			// B keeps the coverage report; A's revocation marks it out of date in the store, so B shows it
			assertThat(badgesHeld(b, session)).isEqualTo(total);
			as(a, session).post().uri("/api/v1/assertions/{id}/revoke", assertionId)
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Issued in error")).exchange()
				.expectStatus().isOk();
			long revokedAt = System.nanoTime();
			await(REVOCATION_BOUND, () -> hosted(b, assertionId).path("revoked").asBoolean(false));
			Duration seen = Duration.ofNanos(System.nanoTime() - revokedAt);
			System.out.printf("TwoInstances: revocation on A served as revoked by B after %d ms%n", seen.toMillis());
			await(REVOCATION_BOUND, () -> badgesHeld(b, session) == total - 1);
			String issuerId = JSON.readTree(client(b).get().uri("/public/badges/{id}", badgeClassId)
				.accept(MediaType.parseMediaType("application/ld+json")).exchange().expectStatus().isOk()
				.expectBody().returnResult().getResponseBody()).get("issuer").asString().replaceAll(".*/", "");
			assertThat(new String(client(b).get().uri("/public/revocations/{id}", issuerId)
				.accept(MediaType.parseMediaType("application/ld+json")).exchange().expectStatus().isOk()
				.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8)).contains(assertionId);

			// the revocation event is delivered once, though both instances' workers poll every 200 ms
			await(Duration.ofSeconds(20), () -> deliveries.stream().anyMatch(d -> d.startsWith("assertion.revoked")));
			Thread.sleep(1500);
			assertThat(deliveries).filteredOn(d -> d.startsWith("assertion.revoked")).hasSize(1)
				.allSatisfy(d -> assertThat(d).contains(assertionId));
		}
		finally {
			receiver.stop(0);
		}
	}

	/**
	 * B holds a recipient's certificate in memory in the language it was rendered in; the recipient chooses Spanish
	 * on A; B serves the Spanish certificate within the bound (A's change bumps the district's stored generation,
	 * which B polls).
	 */
	@Test
	void aRecipientsNewLanguageReachesTheCertificateTheOtherInstanceHolds() throws Exception {
		District district = district(a);
		Person teacher = person(a, district, Role.TEACHER);
		IssuingFixtures fixtures = new IssuingFixtures(a.getBean(ReactiveMongoTemplate.class),
				a.getBean(AwardRepository.class), a);
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), null)).assertionId();
		IssuingFixtures.credentialIssued(client(b), id);
		String certificate = "/public/assertions/" + id + "/certificate.pdf";
		assertThat(certificateText(b, certificate)).contains("Certificate of Achievement");
		assertThat(certificateText(b, certificate)).as("held by B").contains("Certificate of Achievement");

		String session = a.getBean(Sessions.class).open(teacher.id()).block().getValue();
		as(a, session).put().uri("/api/v1/me/language").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("language", "es")).exchange().expectStatus().isOk();
		long chosenAt = System.nanoTime();
		await(REVOCATION_BOUND, () -> certificateText(b, certificate).contains("Certificado de logro"));
		System.out.printf("TwoInstances: a language chosen on A reached B's certificate after %d ms%n",
				Duration.ofNanos(System.nanoTime() - chosenAt).toMillis());
	}

	private static String certificateText(ConfigurableApplicationContext instance, String path) {
		byte[] pdf = client(instance).get().uri(path).accept(MediaType.APPLICATION_PDF).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Badges held now under the template's alignment, in the coverage report as the administrator opens it. */
	private static long badgesHeld(ConfigurableApplicationContext instance, String session) {
		return JSON.readTree(as(instance, session).get().uri("/api/v1/reports/coverage").exchange().expectStatus()
			.isOk().expectBody().returnResult().getResponseBody()).get("alignments").get(0).get("badgesHeld").asLong();
	}

	/** The hosted assertion as a verifier fetches it: 200 while valid, 410 with {@code revoked: true} after. */
	private static JsonNode hosted(ConfigurableApplicationContext instance, String assertionId) {
		var result = client(instance).get().uri("/public/assertions/{id}", assertionId)
			.accept(MediaType.parseMediaType("application/ld+json")).exchange().expectBody().returnResult();
		JsonNode body = JSON.readTree(result.getResponseBody());
		assertThat(result.getStatus().value()).isEqualTo(body.path("revoked").asBoolean(false) ? 410 : 200);
		return body;
	}

	private static JsonNode progress(ConfigurableApplicationContext instance, String session, String jobId) {
		return JSON.readTree(as(instance, session).get().uri("/api/v1/bulk-awards/{id}", jobId).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private static String badgeClass(String session, Template template) {
		JsonNode classes = JSON.readTree(as(a, session).get().uri("/api/v1/templates/{id}/badge-classes", template.id())
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		for (JsonNode c : classes) {
			if (c.get("tierKey") == null || c.get("tierKey").isNull()) {
				return c.get("id").asString();
			}
		}
		throw new AssertionError("no badge class");
	}

	private static District district(ConfigurableApplicationContext instance) {
		String slug = "two-" + UUID.randomUUID().toString().substring(0, 8);
		return instance.getBean(org.cairn.district.DistrictRepository.class)
			.save(new District(null, slug, "District " + slug, "https://" + slug + ".example.org",
					"pd@" + slug + ".example.org", "A test district", null, "#1f6f5c", "America/Chicago", 7,
					1_000_000, false, false, District.DEFAULT_MAX_UPLOAD_BYTES, java.time.Instant.now(), null))
			.block();
	}

	private static Person person(ConfigurableApplicationContext instance, District district, Role role) {
		String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@"
				+ district.slug() + ".example.org";
		return instance.getBean(org.cairn.account.PersonRepository.class)
			.save(new Person(null, district.id(), email, "Pat Two", instance.getBean(PasswordEncoder.class)
				.encode(TestData.PASSWORD), java.util.Set.of(role), false, "Central High", 5, null, true,
					java.time.Instant.now(), null))
			.block();
	}

	private static WebTestClient client(ConfigurableApplicationContext instance) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** Signed in with the session cookie, sending the CSRF token like the app. */
	private static WebTestClient as(ConfigurableApplicationContext instance, String session) {
		String csrf = UUID.randomUUID().toString();
		return client(instance).mutate().defaultCookie(Sessions.COOKIE, session).defaultCookie("XSRF-TOKEN", csrf)
			.defaultHeader("X-XSRF-TOKEN", csrf).build();
	}

	private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("not within " + limit);
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String secret32() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
