package org.cairn.transcript;

import java.time.Instant;
import java.util.List;

import org.cairn.issuing.BadgeRecords.IssuedBadge;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditsTests {

	private static Tier tier(String key, boolean separately, Double credits) {
		return new Tier(key, key, null, List.of(), separately, 0, null, null, credits, List.of());
	}

	private static Template template(Tier... tiers) {
		return new Template("t", "d", "f", 1, TemplateStatus.PUBLISHED, "Data", "s", "c", null, null, List.of(),
				null, null, false, List.of(tiers), null, Instant.EPOCH, Instant.EPOCH, null);
	}

	@Test
	void aTierBadgeCreditsItsTierAndTheWholeBadgeCreditsOnlyTiersWithoutABadgeOfTheirOwn() {
		// Parkway: every tier its own badge
		Template parkway = template(tier("t1", true, 8.0), tier("t2", true, 10.0));
		assertThat(Credits.credits(parkway, "t2")).isEqualTo(10.0);
		assertThat(Credits.credits(parkway, null)).as("a bulk award of the whole counts every tier").isEqualTo(18.0);
		// Derry: sections count toward the whole
		Template derry = template(tier("s1", false, 6.0), tier("s2", false, null), tier("s3", false, 6.5));
		assertThat(Credits.credits(derry, null)).isEqualTo(12.5);
		assertThat(Credits.credits(derry, "missing")).isZero();
	}

	@Test
	void totalsAreByFiscalYearNewestFirst() {
		List<CreditedBadge> badges = List.of(badge("FY2026", 7.5), badge("FY2027", 4), badge("FY2026", 0.25));
		assertThat(Credits.byYear(badges)).containsExactly(new Credits.YearTotal("FY2027", 4, 1),
				new Credits.YearTotal("FY2026", 7.75, 2));
		assertThat(Credits.format(7.75)).isEqualTo("7.75");
		assertThat(Credits.format(8.0)).isEqualTo("8");
	}

	private static CreditedBadge badge(String year, double credits) {
		IssuedBadge b = new IssuedBadge("a", "w", "d", "p", "Pat", "pat@x.test", "t", null, Instant.EPOCH, null, false,
				"https://x.test/a", "https://x.test/c", "{}", null);
		return new CreditedBadge(b, "Badge", credits, year, false, false, null);
	}

}
