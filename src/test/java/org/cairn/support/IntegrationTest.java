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
 * <p>
 * Answers may take up to a minute: the default five seconds failed setup calls (issuing a badge, signing) at random
 * when CI or other builds loaded the machine, while no test checks how fast an answer comes (speed is measured by
 * the load harness, never here). A hang still fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
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
