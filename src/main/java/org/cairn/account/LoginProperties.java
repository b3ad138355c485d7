package org.cairn.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.login.*}: the login throttle. The per-address limit is higher because a whole school often shares one
 * public address.
 *
 * @param maxFailuresPerEmail failed sign-ins per email per window before {@code 429 too-many-attempts}
 * @param maxFailuresPerAddress the same per client address
 * @param failureWindow the fixed window the failures are counted in
 */
@ConfigurationProperties("cairn.login")
record LoginProperties(@DefaultValue("10") int maxFailuresPerEmail, @DefaultValue("100") int maxFailuresPerAddress,
		@DefaultValue("PT15M") Duration failureWindow) {
}
