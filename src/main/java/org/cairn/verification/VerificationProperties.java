package org.cairn.verification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cairn.verification.*}: which networks the verifier may reach besides the public internet, the fetch limits,
 * the upload limit and the per-client rate limit. Defaults are safe for a public service.
 *
 * @param allowedNetworks host names or CIDR blocks the operator allows although they are not public (e.g. an
 * intranet issuer, or 127.0.0.0/8 in tests)
 * @param maxDocumentBytes the largest document fetched (a plain number is bytes)
 * @param maxUploadBytes the largest badge image or certificate uploaded (a plain number is bytes)
 */
@ConfigurationProperties("cairn.verification")
record VerificationProperties(@DefaultValue List<String> allowedNetworks, @DefaultValue("false") boolean allowPrivate,
		@DefaultValue("3") int maxRedirects, @DefaultValue("512KB") DataSize maxDocumentBytes,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("8s") Duration fetchTimeout,
		@DefaultValue("8") int maxFetchesPerHost, @DefaultValue("2000") int cacheEntries,
		@DefaultValue("10m") Duration maxCacheAge, @DefaultValue("20s") Duration deadline,
		@DefaultValue("5MB") DataSize maxUploadBytes, @DefaultValue RateLimit rateLimit) {

	/** The upload limit in bytes (a plain number, {@code 5MB} or {@code 5242880}, binds alike). */
	int uploadLimit() {
		return Math.toIntExact(maxUploadBytes.toBytes());
	}

	/** Requests one client (by address) may make per window, counted in the shared store across instances. */
	record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("60") int requests,
			@DefaultValue("1m") Duration window) {
	}

}
