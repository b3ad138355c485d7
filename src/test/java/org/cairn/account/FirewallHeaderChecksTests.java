package org.cairn.account;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's header checks are written as loops for speed: they must refuse and allow exactly what Spring
 * Security's own (regular expression) checks do, for every Unicode code point, alone and inside a longer value.
 */
class FirewallHeaderChecksTests {

	@Test
	void theLoopsAgreeWithSpringSecuritysChecksOnEveryCodePoint() {
		int refused = 0;
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			String alone = new String(Character.toChars(c));
			String inside = "text/html; q=0.9 " + alone + " x";
			assertThat(SecurityConfiguration.assignedNoControl(alone, false)).as("name U+%04X", c)
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(alone));
			assertThat(SecurityConfiguration.assignedNoControl(inside, true)).as("value U+%04X", c)
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(inside));
			if (!SecurityConfiguration.assignedNoControl(inside, true)) {
				refused++;
			}
		}
		// control characters (a tab aside), unassigned code points: the checks do refuse something
		assertThat(refused).isGreaterThan(60);
		assertThat(SecurityConfiguration.assignedNoControl("a\tb", true)).isTrue();
		assertThat(SecurityConfiguration.assignedNoControl("a\tb", false)).isFalse();
		assertThat(SecurityConfiguration.assignedNoControl("evil\r\nSet-Cookie: x=y", true)).isFalse();
		assertThat(SecurityConfiguration.assignedNoControl("\ud83c\udf93 caf\u00e9", true)).isTrue();
		// no value (a header read but absent) is no violation, for Spring Security either
		assertThat(SecurityConfiguration.assignedNoControl(null, true))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null)).isTrue();
		assertThat(SecurityConfiguration.assignedNoControl(null, false))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
		// a lone surrogate, as Spring's expression treats it
		assertThat(SecurityConfiguration.assignedNoControl("\ud800", true))
			.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test("\ud800"));
	}

}
