package org.cairn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.cairn.system.EmbeddedMongo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.aot.AotDetector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as the Docker image runs it: processed ahead of time ({@code process-aot} in the build), started
 * with {@code spring.aot.enabled=true} (set by the failsafe run in the pom), so its beans come from the definitions
 * generated at build time, where every condition was evaluated with the build's settings. Each setting a district
 * may change must still take effect: the embedded store or {@code spring.mongodb.uri}, the outbox or SMTP, the demo
 * profile. Runs after {@code package} ({@code ./mvnw verify}), when the generated classes exist.
 */
class AheadOfTimeStartIT {

	@TempDir
	Path dataDir;

	@TempDir
	Path storeDir;

	@BeforeAll
	static void generatedDefinitionsAreUsed() {
		assertThat(AotDetector.useGeneratedArtifacts())
			.as("started with -Dspring.aot.enabled=true (maven-failsafe-plugin's systemPropertyVariables)")
			.isTrue();
	}

	@Test
	void withTheDefaultsStartsTheEmbeddedStoreAndWritesMailToTheOutbox() throws IOException {
		try (ConfigurableApplicationContext context = start(dataDir)) {
			// no configuration class was parsed at start: the bean definitions are the generated ones
			assertThat(context.getBeanFactory()
				.containsBeanDefinition(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME)).isFalse();
			assertThat(context.getBeanProvider(EmbeddedMongo.class).getIfAvailable()).isNotNull();
			assertThat(dataDir.resolve("cairn.mv")).exists();
			ready(context);

			send(context, "Welcome");
			try (Stream<Path> outbox = Files.list(dataDir.resolve("outbox"))) {
				assertThat(outbox.toList()).hasSize(1);
			}
		}
	}

	@Test
	void withAMongoUriSmtpAndTheDemoProfileUsesThemAll() throws Exception {
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		try (EmbeddedMongo store = EmbeddedMongo.start(storeDir);
				ConfigurableApplicationContext context = start(dataDir, "--spring.mongodb.uri=" + store.connectionString(),
						"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
						"--spring.profiles.active=demo")) {
			// nothing embedded started: the store is the one behind the URI, and the demo district was seeded there
			assertThat(context.getBeanProvider(EmbeddedMongo.class).getIfAvailable()).isNull();
			assertThat(dataDir.resolve("cairn.mv")).doesNotExist();
			try (MongoClient client = MongoClients.create(store.connectionString())) {
				Document demo = Mono.from(client.getDatabase("cairn").getCollection("districts")
					.find(new Document("slug", "demo")).first()).block(Duration.ofSeconds(30));
				assertThat(demo).isNotNull();
			}
			ready(context);

			send(context, "Over SMTP");
			assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
			MimeMessage received = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
			assertThat(received.getSubject()).isEqualTo("Over SMTP");
			assertThat(dataDir.resolve("outbox")).doesNotExist();
		}
		finally {
			smtp.stop();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
		List<String> args = new ArrayList<>(List.of("--cairn.data-dir=" + dataDir, "--server.port=0",
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
		args.addAll(List.of(extra));
		// main(): the generated initializer is found by the main class, which under failsafe is not the caller's
		return new SpringApplicationBuilder(CairnApplication.class).main(CairnApplication.class)
			.run(args.toArray(String[]::new));
	}

	private static void ready(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.build()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static void send(ConfigurableApplicationContext context, String subject) {
		context.getBean(Mailer.class)
			.send(new OutgoingMail("teacher@district.example", subject, "Sent by the ahead-of-time processed start."))
			.block(Duration.ofSeconds(30));
	}

}
