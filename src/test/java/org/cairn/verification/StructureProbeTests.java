package org.cairn.verification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.Probes.check;
import static org.cairn.verification.Probes.json;
import static org.cairn.verification.Probes.outcome;

/** The structure probe on its own: the properties each Open Badges class requires. */
class StructureProbeTests {

	private static final String ASSERTION = """
			{"id": "https://example.org/a", "type": "Assertion", "badge": "https://example.org/b",
			 "recipient": {"type": "email", "hashed": true, "identity": "sha256$abc123"},
			 "verification": {"type": "HostedBadge"}, "issuedOn": "2026-01-01T00:00:00Z"}""";

	@Test
	void aCompleteAssertionPasses() {
		Run run = new Run(null);
		StructureProbe.assertionStructure(json(ASSERTION), "hosted", run);
		assertThat(outcome(run, CheckId.ASSERTION_STRUCTURE)).isEqualTo(Outcome.PASSED);
		assertThat(StructureProbe.verificationType(json(ASSERTION))).isEqualTo("hosted");
	}

	@Test
	void refusesABadHashAMissingDateAndEmbeddedImageData() {
		String broken = ASSERTION.replace("sha256$abc123", "plain-text").replace("\"issuedOn\": \"2026-01-01T00:00:00Z\"",
				"\"image\": \"data:image/png;base64,AAAA\"");
		Run run = new Run(null);
		StructureProbe.assertionStructure(json(broken), "hosted", run);
		assertThat(outcome(run, CheckId.ASSERTION_STRUCTURE)).isEqualTo(Outcome.FAILED);
		assertThat(check(run, CheckId.ASSERTION_STRUCTURE).message()).contains("algorithm$hex").contains("issuedOn")
			.contains("image");
	}

	@Test
	void aBadgeThatIsReallyAnAssertionFails() {
		Run run = new Run(null);
		StructureProbe.badgeStructure(json(ASSERTION), run);
		assertThat(outcome(run, CheckId.BADGE_STRUCTURE)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void anIssuerNeedsItsTypeAndName() {
		Run run = new Run(null);
		StructureProbe.issuerStructure(json("{\"id\": \"https://example.org/i\", \"type\": \"Issuer\"}"), run);
		assertThat(outcome(run, CheckId.ISSUER_STRUCTURE)).isEqualTo(Outcome.FAILED);
	}

}
