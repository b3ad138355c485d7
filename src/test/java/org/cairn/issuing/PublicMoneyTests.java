package org.cairn.issuing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stipend amounts stay off public badge pages unless the district opts in. */
class PublicMoneyTests {

	@Test
	void amountsInParenthesesAndSentencesGoTheRestStays() {
		String criteria = """
				## How it works

				Propose a topic first.

				1. **Evidence of learning** ($75): what you learned from two resources.
				2. **Evidence of implementation** ($75 more, $150 in all): artifacts of the practice in use.""";
		assertThat(PublicMoney.strip(criteria)).isEqualTo("""
				## How it works

				Propose a topic first.

				1. **Evidence of learning**: what you learned from two resources.
				2. **Evidence of implementation**: artifacts of the practice in use.""");
		assertThat(PublicMoney.strip("Personalize learning. Four tiers, each paid as you pass it: $75 per tier, $300 for all four."))
			.isEqualTo("Personalize learning.");
		assertThat(PublicMoney.strip("No money here.")).isEqualTo("No money here.");
		assertThat(PublicMoney.strip("Costs $1,250.50 in all")).isEmpty();
	}

}
