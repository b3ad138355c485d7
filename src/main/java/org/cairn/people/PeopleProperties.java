package org.cairn.people;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param invitationLifetime how long an invitation link works
 * @param passwordResetLifetime how long a password-reset link works
 */
@ConfigurationProperties("cairn.people")
record PeopleProperties(Duration invitationLifetime, Duration passwordResetLifetime) {

	PeopleProperties {
		invitationLifetime = invitationLifetime == null ? Duration.ofDays(7) : invitationLifetime;
		passwordResetLifetime = passwordResetLifetime == null ? Duration.ofHours(1) : passwordResetLifetime;
	}

}
