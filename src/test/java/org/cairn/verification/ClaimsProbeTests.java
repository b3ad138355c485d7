package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.Probes.json;
import static org.cairn.verification.Probes.outcome;

/** The claims probe on its own: dates, expiry, recipient, and the issuer's revocation list from a loopback server. */
class ClaimsProbeTests {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static FixtureServer server;

	@BeforeAll
	static void start() {
		server = new FixtureServer(null);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void datesInTheFutureOrExpiringBeforeIssueFail() {
		assertThat(dates("2026-06-01T12:04:00Z", null)).isEqualTo(Outcome.PASSED);
		assertThat(dates("2026-06-01T12:06:00Z", null)).isEqualTo(Outcome.FAILED);
		assertThat(dates("2026-05-01T00:00:00Z", "2026-04-01T00:00:00Z")).isEqualTo(Outcome.FAILED);
		Run expired = new Run(null);
		ClaimsProbe.dates(json("{\"issuedOn\": \"2025-01-01\", \"expires\": \"2026-01-01\"}"), NOW, expired);
		assertThat(outcome(expired, CheckId.EXPIRY)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void theRecipientMatchesPlainOrHashedWithSalt() throws Exception {
		String hash = "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
			.digest("pat@school.example NaCl".replace(" ", "").getBytes(StandardCharsets.UTF_8)));
		JsonNode hashed = json("{\"recipient\": {\"type\": \"email\", \"hashed\": true, \"salt\": \"NaCl\", \"identity\": \""
				+ hash + "\"}}");
		assertThat(recipient(hashed, "Pat@School.example")).isEqualTo(Outcome.PASSED);
		assertThat(recipient(hashed, "mallory@attacker.example")).isEqualTo(Outcome.FAILED);
		JsonNode plain = json("{\"recipient\": {\"type\": \"email\", \"hashed\": false, \"identity\": \"pat@school.example\"}}");
		assertThat(recipient(plain, "pat@school.example")).isEqualTo(Outcome.PASSED);
		Run none = new Run(null);
		ClaimsProbe.recipient(plain, none);
		assertThat(outcome(none, CheckId.RECIPIENT_MATCH)).isEqualTo(Outcome.SKIPPED);
	}

	@Test
	void anAssertionListedByIdOrUidIsRevoked() {
		server.json("/list.json", """
				{"type": "RevocationList", "revokedAssertions": ["https://badges.example.org/a/1",
				 {"uid": "abc", "revocationReason": "Duplicate"}]}""".getBytes(StandardCharsets.UTF_8));
		String issuer = "{\"revocationList\": \"" + server.url("/list.json") + "\"}";
		assertThat(revocation("{\"id\": \"https://badges.example.org/a/1\"}", issuer)).isEqualTo(Outcome.FAILED);
		assertThat(revocation("{\"id\": \"urn:x\", \"uid\": \"abc\"}", issuer)).isEqualTo(Outcome.FAILED);
		assertThat(revocation("{\"id\": \"https://badges.example.org/a/2\"}", issuer)).isEqualTo(Outcome.PASSED);
		assertThat(revocation("{\"id\": \"https://badges.example.org/a/2\"}", "{}")).isEqualTo(Outcome.PASSED);
		String missing = "{\"revocationList\": \"" + server.url("/missing.json") + "\"}";
		assertThat(revocation("{\"id\": \"https://badges.example.org/a/2\"}", missing)).isEqualTo(Outcome.FAILED);
	}

	private static Outcome dates(String issued, String expires) {
		Run run = new Run(null);
		ClaimsProbe.dates(json("{\"issuedOn\": \"" + issued + "\"" + (expires == null ? "" : ", \"expires\": \""
				+ expires + "\"") + "}"), NOW, run);
		return outcome(run, CheckId.DATES);
	}

	private static Outcome recipient(JsonNode assertion, String email) {
		Run run = new Run(email);
		ClaimsProbe.recipient(assertion, run);
		return outcome(run, CheckId.RECIPIENT_MATCH);
	}

	private static Outcome revocation(String assertion, String issuer) {
		Run run = new Run(null);
		new ClaimsProbe(Probes.loopback()).revocation(json(assertion), json(issuer), run).block(Duration.ofSeconds(10));
		return outcome(run, CheckId.REVOCATION);
	}

}
