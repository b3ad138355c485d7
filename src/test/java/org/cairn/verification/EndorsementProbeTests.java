package org.cairn.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.Probes.JSON;
import static org.cairn.verification.Probes.json;

/**
 * The endorsement probe on its own, against a real server on loopback: a hosted endorsement listed on a badge class
 * verifies when its endorser publishes it at its id; one endorsing something else, one withdrawn (410), one missing
 * its claim and one that cannot be retrieved are each not valid, named by the check that caught them; the badge's
 * own checks are untouched.
 */
class EndorsementProbeTests {

	static FixtureServer server;

	Retrieval retrieval;

	EndorsementProbe probe;

	@BeforeAll
	static void start() {
		server = new FixtureServer(null);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void fresh() {
		server.clear();
		retrieval = Probes.loopback();
		probe = new EndorsementProbe(retrieval, new DocumentProbe(JSON), new HostedProbe(retrieval),
				new SignatureProbe(retrieval), new ClaimsProbe(retrieval), Ob3Probe.over(retrieval, JSON));
		server.json("/endorser.json", bytes("{\"@context\": \"https://w3id.org/openbadges/v2\", \"type\": \"Issuer\", "
				+ "\"id\": \"" + url("/endorser.json") + "\", \"name\": \"Neighbour District\", \"url\": \"" + url("/")
				+ "\", \"email\": \"pd@neighbour.example\"}"));
	}

	@Test
	void eachListedEndorsementIsJudgedOnItsOwn() {
		String badge = url("/badge.json");
		server.json("/good.json", endorsement("/good.json", badge, "Strong rubric."));
		server.json("/other.json", endorsement("/other.json", url("/another-badge.json"), "Elsewhere."));
		server.json("/noclaim.json", bytes("{\"@context\": \"https://w3id.org/openbadges/v2\", \"type\": \"Endorsement\", "
				+ "\"id\": \"" + url("/noclaim.json") + "\", \"issuedOn\": \"2026-01-15T12:00:00Z\", \"issuer\": \""
				+ url("/endorser.json") + "\", \"verification\": {\"type\": \"hosted\"}}"));
		server.route("/gone.json", exchange -> FixtureServer.respond(exchange, 410, "application/ld+json",
				bytes("{\"id\": \"" + url("/gone.json") + "\", \"revoked\": true, \"revocationReason\": \"Withdrawn\"}")));
		Run run = new Run(null);
		run.badge = json("{\"id\": \"" + badge + "\", \"type\": \"BadgeClass\", \"endorsement\": [\"" + url("/good.json")
				+ "\", \"" + url("/other.json") + "\", \"" + url("/noclaim.json") + "\", \"" + url("/gone.json") + "\", \""
				+ url("/missing.json") + "\"]}");

		List<Report.EndorsementSummary> listed = probe.all(run, Instant.now()).block(Duration.ofSeconds(20));

		assertThat(listed).hasSize(5);
		assertThat(listed.get(0).valid()).as(listed.get(0).toString()).isTrue();
		assertThat(listed.get(0).endorser().name()).isEqualTo("Neighbour District");
		assertThat(listed.get(0).comment()).isEqualTo("Strong rubric.");
		assertThat(listed.get(0).on()).isEqualTo("badge");
		assertThat(failed(listed.get(1))).containsExactly("endorsement.claim");
		assertThat(failed(listed.get(2))).contains("endorsement.structure");
		assertThat(listed.get(3).revoked()).isTrue();
		assertThat(listed.get(3).sentence()).contains("withdrew this endorsement: Withdrawn");
		assertThat(failed(listed.get(4))).containsExactly("assertion.retrieval");
		listed.forEach(e -> assertThat(e.valid()).isEqualTo(e == listed.get(0)));
		assertThat(run.recordedChecks()).as("the badge's own run records nothing").isEmpty();
	}

	@Test
	void aBadgeWithoutEndorsementsListsNone() {
		Run run = new Run(null);
		run.badge = json("{\"id\": \"" + url("/badge.json") + "\", \"type\": \"BadgeClass\"}");
		assertThat(probe.all(run, Instant.now()).block(Duration.ofSeconds(5))).isEmpty();
	}

	private static List<String> failed(Report.EndorsementSummary e) {
		return e.checks().stream().filter(c -> c.outcome() == Outcome.FAILED).map(c -> c.id().id()).toList();
	}

	private static byte[] endorsement(String path, String claim, String comment) {
		return bytes("{\"@context\": \"https://w3id.org/openbadges/v2\", \"type\": \"Endorsement\", \"id\": \"" + url(path)
				+ "\", \"claim\": {\"id\": \"" + claim + "\", \"endorsementComment\": \"" + comment + "\"}, "
				+ "\"issuedOn\": \"2026-01-15T12:00:00Z\", \"issuer\": \"" + url("/endorser.json") + "\", "
				+ "\"verification\": {\"type\": \"hosted\"}}");
	}

	private static String url(String path) {
		return server.url(path).toString();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}


}
