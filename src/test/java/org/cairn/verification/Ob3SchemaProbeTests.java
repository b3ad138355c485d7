package org.cairn.verification;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ob3.schema} against 1EdTech's vendored Open Badges 3.0 schema: a well-formed credential passes, a malformed
 * one fails with what is wrong and where, in words.
 */
class Ob3SchemaProbeTests {

	static final String CREDENTIAL = """
			{"@context": ["https://www.w3.org/ns/credentials/v2",
			              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
			 "id": "https://issuer.example/credentials/1",
			 "type": ["VerifiableCredential", "OpenBadgeCredential"],
			 "issuer": {"id": "https://issuer.example/profile", "type": ["Profile"], "name": "Example District"},
			 "validFrom": "2026-01-01T00:00:00Z",
			 "credentialSubject": {"type": ["AchievementSubject"],
			   "identifier": [{"type": "IdentityObject", "identityHash": "sha256$00", "identityType": "emailAddress",
			                   "hashed": true, "salt": "ab"}],
			   "achievement": {"id": "https://issuer.example/badges/1", "type": ["Achievement"], "name": "Lab Safety",
			     "description": "Completed lab safety.", "criteria": {"narrative": "Pass the quiz."}}}}
			""";

	private final Ob3SchemaProbe probe = new Ob3SchemaProbe();

	@Test
	void aWellFormedCredentialIsValid() {
		Run run = ob3();
		probe.check(Probes.json(CREDENTIAL), run);
		assertThat(Probes.outcome(run, CheckId.OB3_SCHEMA)).as(Probes.check(run, CheckId.OB3_SCHEMA).message())
			.isEqualTo(Outcome.PASSED);
	}

	@Test
	void aMalformedCredentialFailsSayingWhatAndWhere() {
		ObjectNode credential = (ObjectNode) Probes.json(CREDENTIAL);
		((ObjectNode) credential.get("credentialSubject").get("achievement")).remove("name");
		credential.put("validFrom", 20260101);
		Run run = ob3();
		probe.check(credential, run);
		Check check = Probes.check(run, CheckId.OB3_SCHEMA);
		assertThat(check.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(check.message()).contains("credentialSubject.achievement: \u201Cname\u201D is missing")
			.contains("validFrom");
		assertThat(Sentences.of(check, run, org.cairn.language.Language.EN))
			.startsWith("It is not laid out as the Open Badges 3.0 standard describes")
			.doesNotContain("$.")
			.doesNotContain("com.networknt");
		assertThat(Sentences.of(check, run, org.cairn.language.Language.ES))
			.startsWith("No está organizada como la describe la norma Open Badges 3.0");
	}

	@Test
	void aCredentialOfTheWrongTypeFails() {
		ObjectNode credential = (ObjectNode) Probes.json(CREDENTIAL);
		credential.set("type", Probes.json("[\"VerifiableCredential\"]"));
		Run run = ob3();
		probe.check(credential, run);
		assertThat(Probes.outcome(run, CheckId.OB3_SCHEMA)).isEqualTo(Outcome.FAILED);
	}

	/** A run of a 3.0 credential (its report lists the 3.0 checks). */
	static Run ob3() {
		Run run = new Run(null);
		run.ob3 = true;
		return run;
	}

}
