package org.cairn.outbound;

import java.time.Duration;

/**
 * Bounds on one fetch: redirects followed, body bytes, time to connect and to the whole answer, fetches under way
 * per host (a slow issuer ties up at most that many connections), and the cache (entries, longest age honoured).
 */
public record FetchLimits(int maxRedirects, int maxBytes, Duration connectTimeout, Duration timeout, int perHost,
		int cacheEntries, Duration maxCacheAge) {

	public static FetchLimits defaults() {
		return new FetchLimits(3, 512 * 1024, Duration.ofSeconds(3), Duration.ofSeconds(8), 8, 2000,
				Duration.ofMinutes(10));
	}

}
