package org.cairn.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real service on a random port with the embedded store in a fresh data directory. Every test class shares
 * one application context (same configuration), so tests isolate themselves by creating their own district.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// No test here checks how fast an answer comes (load runs do, perf/run.sh); the client's default of 5 s made tests
// fail with "Timeout on blocking read" when the shared machine was busy (OidcSignInIntegrationTests and
// WebhookFairnessIntegrationTests at load 50-60), so it waits as long as a hung answer may take to be noticed.
@AutoConfigureWebTestClient(timeout = "PT2M")
@Import(TestData.class)
public abstract class IntegrationTest {

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected TestData data;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		// Called once per application context: a test class with other settings gets a context, and so a store
		// file, of its own (the cached shared context keeps its file locked).
		Path dataDir = createDataDir();
		registry.add("cairn.data-dir", dataDir::toString);
		registry.add("cairn.public-base-url", () -> "https://cairn.test");
	}

	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("cairn-test-");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
