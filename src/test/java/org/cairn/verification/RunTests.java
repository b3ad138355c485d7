package org.cairn.verification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A check that never ran says truthfully why: the failure that stopped the run, or that it did not apply. */
class RunTests {

	@Test
	void unreachedChecksNameTheFailureThatStoppedTheRun() {
		Run run = new Run(null);
		run.fail(CheckId.JSONLD_CONTEXT, "wrong context");
		run.fail(CheckId.ASSERTION_RETRIEVAL, "404");
		assertThat(Probes.check(run, CheckId.HOSTED_SCOPE).message())
			.isEqualTo("The verification stopped when assertion.retrieval failed.");
	}

	@Test
	void withoutAFailureNothingIsBlamed() {
		Run run = new Run(null);
		run.pass(CheckId.INPUT_DETECT, "ok");
		assertThat(Probes.check(run, CheckId.CONSISTENCY).message()).isEqualTo("It does not apply to this input.");
		assertThat(Probes.check(run, CheckId.CONSISTENCY).outcome()).isEqualTo(Outcome.SKIPPED);
	}

}
