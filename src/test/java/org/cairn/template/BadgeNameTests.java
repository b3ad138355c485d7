package org.cairn.template;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for a badge's name, used by the BadgeClass, the award mail, the portfolio and bulk awards. */
class BadgeNameTests {

	private static final Template TEMPLATE = new Template("t", "d", "f", 1, TemplateStatus.PUBLISHED,
			"Personalized Learning", null, null, null, null, null, null, null, false,
			List.of(new Tier("tier-1", "Tier 1: Explore", null, List.of(), true, 0, null, null, List.of())), null,
			null, null, null);

	@Test
	void theWholeMicrocredentialCarriesTheTemplatesTitle() {
		assertThat(TEMPLATE.badgeName(null)).isEqualTo("Personalized Learning");
	}

	@Test
	void aTierAwardedOnItsOwnCarriesTitleColonTier() {
		assertThat(TEMPLATE.badgeName("tier-1")).isEqualTo("Personalized Learning: Tier 1: Explore");
	}

	@Test
	void aTierNoLongerInTheTemplateFallsBackToTheTitle() {
		assertThat(TEMPLATE.badgeName("tier-9")).isEqualTo("Personalized Learning");
	}

}
