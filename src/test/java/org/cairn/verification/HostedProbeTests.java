package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.Probes.json;
import static org.cairn.verification.Probes.outcome;

/**
 * The hosted probe on its own: the verification policy (startsWith, allowedOrigins as URL authorities, the issuer's
 * own authority by default), and retrieval from a real server on loopback (copies, revoked flags, 410).
 */
class HostedProbeTests {

	static FixtureServer server;

	@BeforeAll
	static void start() {
		server = new FixtureServer(null);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@ParameterizedTest(name = "{0} has authority {1}")
	@CsvSource({ "https://badges.example.org:8443/a, badges.example.org:8443", "https://Badges.Example.org/a, badges.example.org",
			"https://badges.example.org:443/a, badges.example.org", "http://badges.example.org:80/a, badges.example.org",
			"http://badges.example.org:443/a, badges.example.org:443" })
	void theAuthorityKeepsANonDefaultPort(String url, String authority) {
		assertThat(HostedProbe.authority(url)).isEqualTo(authority);
	}

	@ParameterizedTest(name = "{0} with policy {1}: {2}")
	@CsvSource(delimiter = '|', value = {
			"https://badges.example.org:8443/a/1 | {\"allowedOrigins\": [\"badges.example.org\"]} | FAILED",
			"https://badges.example.org:8443/a/1 | {\"allowedOrigins\": [\"badges.example.org:8443\"]} | PASSED",
			"https://badges.example.org/a/1 | {\"allowedOrigins\": \"badges.example.org\"} | PASSED",
			"https://evil.example/a/1 | {\"allowedOrigins\": [\"badges.example.org\"]} | FAILED",
			"https://badges.example.org/a/1 | {\"startsWith\": [\"https://badges.example.org/a/\"]} | PASSED",
			"https://badges.example.org/b/1 | {\"startsWith\": [\"https://badges.example.org/a/\"]} | FAILED",
			"https://badges.example.org/a/1 | {} | PASSED",
			"https://badges.example.org:8443/a/1 | {} | FAILED",
			"https://other.example.org/a/1 | {} | FAILED" })
	void theIdMustLieInTheIssuersPolicy(String id, String policy, Outcome expected) {
		JsonNode issuer = json("{\"id\": \"https://badges.example.org/issuer\", \"verification\": " + policy + "}");
		Run run = new Run(null);
		HostedProbe.scope(id, issuer, run);
		assertThat(outcome(run, CheckId.HOSTED_SCOPE)).isEqualTo(expected);
	}

	@Test
	void aDocumentServedAwayFromItsIdIsACopy() {
		server.json("/copy.json", "{\"id\": \"https://badges.example.org/a/1\", \"type\": \"Assertion\"}"
			.getBytes(StandardCharsets.UTF_8));
		Run run = new Run(null);
		JsonNode body = retrieve("/copy.json", run);
		assertThat(body).isNotNull();
		assertThat(outcome(run, CheckId.ASSERTION_RETRIEVAL)).isEqualTo(Outcome.PASSED);
		assertThat(outcome(run, CheckId.CONSISTENCY)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void aDocumentServedAtItsIdIsConsistent() {
		String url = server.url("/own.json").toString();
		server.json("/own.json", ("{\"id\": \"" + url + "\"}").getBytes(StandardCharsets.UTF_8));
		Run run = new Run(null);
		retrieve("/own.json", run);
		assertThat(outcome(run, CheckId.CONSISTENCY)).isEqualTo(Outcome.PASSED);
		assertThat(run.revoked).isFalse();
	}

	@Test
	void revokedTrueAnd410BothMeanRevoked() {
		String url = server.url("/flag.json").toString();
		server.json("/flag.json", ("{\"id\": \"" + url + "\", \"revoked\": true, \"revocationReason\": \"Error\"}")
			.getBytes(StandardCharsets.UTF_8));
		Run flagged = new Run(null);
		retrieve("/flag.json", flagged);
		assertThat(flagged.revoked).isTrue();
		assertThat(flagged.revocationReason).isEqualTo("Error");

		server.route("/gone.json", exchange -> FixtureServer.respond(exchange, 410, "application/json", new byte[0]));
		Run gone = new Run(null);
		assertThat(retrieve("/gone.json", gone)).isNull();
		assertThat(gone.revoked).isTrue();
		assertThat(outcome(gone, CheckId.CONSISTENCY)).isEqualTo(Outcome.SKIPPED);
	}

	private static JsonNode retrieve(String path, Run run) {
		return new HostedProbe(Probes.loopback()).retrieve(server.url(path).toString(), run)
			.block(Duration.ofSeconds(10));
	}

}
