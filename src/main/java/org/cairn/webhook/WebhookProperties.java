package org.cairn.webhook;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code cairn.issuing.*}.
 *
 * @param allowHttpLoopbackWebhooks accept {@code http://127.0.0.1...} webhook URLs (tests and local demos only);
 * otherwise webhooks must be https
 * @param webhooks where webhook deliveries may go and how they are paced
 * @param webhookPollMs how often due deliveries are looked for (a plain number is milliseconds; {@code 1s} works too)
 */
@ConfigurationProperties("cairn.issuing")
record WebhookProperties(boolean allowHttpLoopbackWebhooks, @DefaultValue WebhookLimits webhooks,
		@DefaultValue("1s") @DurationUnit(ChronoUnit.MILLIS) Duration webhookPollMs) {

	/**
	 * @param allowedNetworks host names or CIDR blocks a webhook may reach although not public (an intranet HR
	 * system; {@code 127.0.0.1/32} in tests); everything else private, loopback or link-local is refused
	 * @param timeout connecting plus the receiver's answer, per attempt
	 * @param concurrencyPerDistrict deliveries of one district under way at once, across all instances
	 * @param districtsAtOnce districts one instance delivers for at the same time (least recently served first)
	 */
	record WebhookLimits(@DefaultValue List<String> allowedNetworks, @DefaultValue("10s") Duration timeout,
			@DefaultValue("4") int concurrencyPerDistrict, @DefaultValue("16") int districtsAtOnce) {
	}

}
