package org.cairn.verification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.verification.*}: which networks the verifier may reach besides the public internet, the fetch limits,
 * the upload limit and the per-client rate limit. Defaults are safe for a public service.
 *
 * @param allowedNetworks host names or CIDR blocks the operator allows although they are not public (e.g. an
 * intranet issuer, or 127.0.0.0/8 in tests)
 */
@ConfigurationProperties("cairn.verification")
record VerificationProperties(@DefaultValue List<String> allowedNetworks, @DefaultValue("false") boolean allowPrivate,
		@DefaultValue("3") int maxRedirects, @DefaultValue("524288") int maxDocumentBytes,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("8s") Duration fetchTimeout,
		@DefaultValue("8") int maxFetchesPerHost, @DefaultValue("2000") int cacheEntries,
		@DefaultValue("10m") Duration maxCacheAge, @DefaultValue("20s") Duration deadline,
		@DefaultValue("5242880") int maxUploadBytes, @DefaultValue RateLimit rateLimit) {

	/** Requests one client (by address) may make per window, counted in the shared store across instances. */
	record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("60") int requests,
			@DefaultValue("1m") Duration window) {
	}

}
