package org.cairn.issuing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier the issuing tests rely on, checked against 1EdTech's own signed fixtures and the outcome 1EdTech's
 * validator expects for them (EXPECTED.tsv), so "passes the independent verifier" means what it says. The fixtures'
 * example.org URLs are mapped to their {@code assets/} files; nothing reaches the network.
 */
class IndependentVerifierFixtureTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private Path fixtures;

	private IndependentVerifier verifier;

	@BeforeEach
	void fixtures() {
		fixtures = sharedDir().resolve("fixtures/ob20-1edtech");
		Assumptions.assumeTrue(Files.isDirectory(fixtures),
				"the 1EdTech fixtures are in ../shared (or /work/shared), which is absent here");
		Path assets = fixtures.resolve("assets");
		verifier = new IndependentVerifier(url -> {
			URI uri = URI.create(url);
			assertThat(uri.getHost()).as("fixtures only link to example.org").endsWith("example.org");
			Path file = assets.resolve(uri.getPath().substring(1));
			if (!Files.isRegularFile(file)) {
				return new IndependentVerifier.Fetched(404, "text/plain", "");
			}
			return new IndependentVerifier.Fetched(200, "application/ld+json", read(file));
		}, JsonMapper.builder().build());
	}

	@Test
	void acceptsTheSignedFixturesTheReferenceValidatorAccepts() {
		assertThat(verifier.verifySigned(read(fixtures.resolve("simple.jwt")), "nobody@example.org", NOW).failures())
			.isEmpty();
		assertThat(verifier.verifySigned(read(fixtures.resolve("simple-not-revoked.jwt")), "nobody@example.org", NOW)
			.failures()).isEmpty();
	}

	@Test
	void rejectsTheRevokedSignedFixtureWithItsReasonAndTheWrongRecipient() {
		IndependentVerifier.Report revoked = verifier.verifySigned(read(fixtures.resolve("simple-revoked.jwt")),
				"nobody@example.org", NOW);
		assertThat(revoked.failures()).containsOnlyKeys("not-revoked");
		assertThat(revoked.revocationReason()).isEqualTo("A good reason, for sure");
		assertThat(verifier.verifySigned(read(fixtures.resolve("simple.jwt")), "somebody@example.org", NOW).failures())
			.containsOnlyKeys("recipient");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code cairn.shared-dir}, else {@code ../shared}, else {@code /work/shared}. */
	static Path sharedDir() {
		String configured = System.getProperty("cairn.shared-dir");
		if (configured != null) {
			return Path.of(configured);
		}
		Path sibling = Path.of("..", "shared");
		return Files.isDirectory(sibling) ? sibling : Path.of("/work/shared");
	}

}
