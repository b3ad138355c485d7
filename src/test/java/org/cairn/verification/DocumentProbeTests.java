package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.verification.Probes.json;
import static org.cairn.verification.Probes.outcome;

/** The document probe on its own: JWS shape, JSON, the Open Badges context and types. */
class DocumentProbeTests {

	private final DocumentProbe probe = new DocumentProbe(Probes.JSON);

	@Test
	void aJwsHeaderWithoutAlgFailsTheFormat() {
		Run run = new Run(null);
		assertThat(probe.jws(b64("{\"typ\":\"JWT\"}") + "." + b64("{}") + ".c2ln", run)).isNull();
		assertThat(outcome(run, CheckId.JWS_FORMAT)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void aPayloadThatIsNotAnObjectFailsDocumentJson() {
		Run run = new Run(null);
		assertThat(probe.jws(b64("{\"alg\":\"RS256\"}") + "." + b64("[1,2]") + ".c2ln", run)).isNull();
		assertThat(outcome(run, CheckId.JWS_FORMAT)).isEqualTo(Outcome.PASSED);
		assertThat(outcome(run, CheckId.DOCUMENT_JSON)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void acceptsTheV2ContextByUrlInAnArrayOrInline() {
		for (String context : new String[] { "\"https://w3id.org/openbadges/v2\"",
				"[\"https://w3id.org/openbadges/v2\", \"https://example.org/ext.json\"]",
				"{\"obi\": \"https://w3id.org/openbadges#\"}" }) {
			Run run = new Run(null);
			DocumentProbe.context(json("{\"@context\": " + context + "}"), run, "The document");
			assertThat(outcome(run, CheckId.JSONLD_CONTEXT)).as(context).isEqualTo(Outcome.PASSED);
		}
		Run run = new Run(null);
		DocumentProbe.context(json("{\"@context\": \"https://www.w3.org/2018/credentials/v1\"}"), run, "The document");
		assertThat(outcome(run, CheckId.JSONLD_CONTEXT)).isEqualTo(Outcome.FAILED);
	}

	@Test
	void refusesUnknownEmptyAndNonStringTypes() {
		for (String type : new String[] { "\"Badge\"", "[]", "[42]" }) {
			Run run = new Run(null);
			DocumentProbe.types(json("{\"type\": " + type + "}"), run, "The document");
			assertThat(outcome(run, CheckId.JSONLD_TYPES)).as(type).isEqualTo(Outcome.FAILED);
		}
		Run run = new Run(null);
		DocumentProbe.types(json("{\"type\": \"Assertion\", \"recipient\": {\"type\": \"email\"}}"), run, "x");
		assertThat(outcome(run, CheckId.JSONLD_TYPES)).isEqualTo(Outcome.PASSED);
	}

	private static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
