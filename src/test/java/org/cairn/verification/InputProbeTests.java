package org.cairn.verification;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.Probes.check;
import static org.cairn.verification.Probes.outcome;

/** The input probe on its own: what was given, what was taken out of it, whether an image is intact. */
class InputProbeTests {

	@Test
	void classifiesWhatAPersonPastes() {
		assertThat(InputProbe.classify(" https://example.org/a.json ")).isEqualTo(InputKind.URL);
		assertThat(InputProbe.classify("{\"id\": 1}")).isEqualTo(InputKind.JSON);
		assertThat(InputProbe.classify("eyJh.eyJi.c2ln")).isEqualTo(InputKind.JWS);
		assertThat(InputProbe.classify("hello there")).isEqualTo(InputKind.UNKNOWN);
	}

	@Test
	void anEmptyUrlFailsDetection() {
		Run run = new Run(null);
		assertThat(InputProbe.detect(VerificationRequest.url("  ", null), run)).isEmpty();
		assertThat(outcome(run, CheckId.INPUT_DETECT)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void aFileThatIsNoBadgeFailsDetection() {
		Run run = new Run(null);
		assertThat(InputProbe.detect(VerificationRequest.file("just some words".getBytes(StandardCharsets.UTF_8), null),
				run))
			.isEmpty();
		assertThat(outcome(run, CheckId.INPUT_DETECT)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void anSvgNestedTooDeepIsRefusedWithoutExhaustingTheStack() {
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + "<g>".repeat(100_000) + "</g>".repeat(100_000)
				+ "</svg>";
		Run run = new Run(null);
		assertThat(InputProbe.detect(VerificationRequest.file(svg.getBytes(StandardCharsets.UTF_8), null), run)).isEmpty();
		assertThat(outcome(run, CheckId.INPUT_EXTRACT)).isEqualTo(Outcome.FAILED);
		assertThat(check(run, CheckId.INPUT_EXTRACT).message()).contains("deeper than " + SvgExtraction.MAX_DEPTH);
	}

	@Test
	void anSvgWithScriptFailsImageIntegrityButYieldsItsBadge() {
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
				<openbadges:assertion verify="https://example.org/a.json"/><script>alert(1)</script></svg>""";
		Run run = new Run(null);
		assertThat(InputProbe.detect(VerificationRequest.file(svg.getBytes(StandardCharsets.UTF_8), null), run))
			.contains("https://example.org/a.json");
		assertThat(outcome(run, CheckId.INPUT_EXTRACT)).isEqualTo(Outcome.PASSED);
		assertThat(outcome(run, CheckId.IMAGE_INTEGRITY)).isEqualTo(Outcome.FAILED);
	}

}
