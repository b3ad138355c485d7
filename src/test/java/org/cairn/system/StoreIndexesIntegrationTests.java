package org.cairn.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.cairn.CairnApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness waits for the store's unique indexes (issue 14): an instance whose store cannot create one (here it
 * holds two accounts with one email, as a copy restored from elsewhere might) serves its health endpoints but is
 * never ready, and becomes ready, without a restart, once the operator removed the duplicate.
 */
class StoreIndexesIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dataDir;

	@Test
	void readinessStaysDownUntilTheUniqueIndexesExistAndTurnsUpOnceTheyCan() throws Exception {
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			var people = client.getDatabase("cairn").getCollection("people");
			Mono.from(people.insertOne(new Document("_id", "first").append("email", "same@example.org"))).block();
			Mono.from(people.insertOne(new Document("_id", "second").append("email", "same@example.org"))).block();
		}
		int port = freePort();
		AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
		CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(CairnApplication.class)
				.initializers(context::set)
				.run("--cairn.data-dir=" + dataDir, "--server.address=127.0.0.1", "--server.port=" + port,
						"--cairn.public-base-url=https://cairn.test", "--spring.main.banner-mode=off"));
		try {
			// the server answers, alive but not ready, for as long as the duplicate is there
			assertThat(awaitStatus(port, "/actuator/health/readiness", 503, Duration.ofMinutes(3))).isEqualTo(503);
			long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			while (System.nanoTime() < until) {
				assertThat(status(port, "/actuator/health/readiness")).isEqualTo(503);
				Thread.sleep(200);
			}
			assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
			assertThat(started).isNotDone();

			// the operator removes the duplicate; the next attempt creates the index and the start goes on
			ReactiveMongoTemplate mongo = context.get().getBean(ReactiveMongoTemplate.class);
			mongo.remove(Query.query(Criteria.where("_id").is("second")), "people").block();
			assertThat(awaitStatus(port, "/actuator/health/readiness", 200, Duration.ofMinutes(2))).isEqualTo(200);
			started.get(1, TimeUnit.MINUTES);
			assertThat(mongo.indexOps("people")
				.getIndexInfo()
				.filter(IndexInfo::isUnique)
				.filter(index -> index.isIndexForFields(java.util.List.of("email")))
				.hasElements()
				.block()).isTrue();
		}
		finally {
			ConfigurableApplicationContext running = context.get();
			if (running != null) {
				running.close();
			}
			started.handle((ok, failed) -> null).get(1, TimeUnit.MINUTES);
		}
	}

	/** Polls until {@code path} answers {@code wanted}, or the time is up; returns the last status (0: no answer). */
	private static int awaitStatus(int port, String path, int wanted, Duration within) throws InterruptedException {
		long until = System.nanoTime() + within.toNanos();
		int last = 0;
		while (System.nanoTime() < until) {
			last = status(port, path);
			if (last == wanted) {
				return last;
			}
			Thread.sleep(100);
		}
		return last;
	}

	private static int status(int port, String path) throws InterruptedException {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException notListeningYet) {
			return 0;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static MongoClient client(EmbeddedMongo store) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(store.connectionString()))
			.build());
	}

}
