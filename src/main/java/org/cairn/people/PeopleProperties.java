package org.cairn.people;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param invitationLifetime how long an invitation link works
 * @param passwordResetLifetime how long a password-reset link works
 * @param addressVerificationLifetime how long a link verifying an added address (or an email change) works
 * @param signInLinkLifetime how long a sign-in link mailed to a personal address works
 */
@ConfigurationProperties("cairn.people")
record PeopleProperties(Duration invitationLifetime, Duration passwordResetLifetime,
		Duration addressVerificationLifetime, Duration signInLinkLifetime) {

	PeopleProperties {
		addressVerificationLifetime = addressVerificationLifetime == null ? Duration.ofDays(1)
				: addressVerificationLifetime;
		signInLinkLifetime = signInLinkLifetime == null ? Duration.ofMinutes(15) : signInLinkLifetime;
		invitationLifetime = invitationLifetime == null ? Duration.ofDays(7) : invitationLifetime;
		passwordResetLifetime = passwordResetLifetime == null ? Duration.ofHours(1) : passwordResetLifetime;
	}

}
