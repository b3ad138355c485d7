package org.cairn.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminEmail the first platform administrator, created at start when no platform administrator exists
 * @param adminPassword their password (give it through the environment, never a committed file)
 * @param setupLinkLifetime how long the logged set-up link works when no administrator is configured
 */
@ConfigurationProperties("cairn.bootstrap")
record BootstrapProperties(String adminEmail, String adminPassword, Duration setupLinkLifetime) {

	BootstrapProperties {
		setupLinkLifetime = setupLinkLifetime == null ? Duration.ofDays(1) : setupLinkLifetime;
	}

	boolean adminConfigured() {
		return adminEmail != null && !adminEmail.isBlank();
	}

}
