package org.cairn.verification;

import java.net.URI;
import java.util.Map;

import org.cairn.outbound.DocumentFetcher;
import org.cairn.outbound.Fetched;
import reactor.core.publisher.Mono;

/**
 * Maps the fixtures' origins (https://example.org and friends) to the local fixture server, in front of the real
 * guarded fetcher: the test equivalent of DNS pointing those names at a test host.
 */
final class OriginMapping implements DocumentFetcher {

	private final Map<String, String> origins;

	private final DocumentFetcher network;

	OriginMapping(Map<String, String> origins, DocumentFetcher network) {
		this.origins = origins;
		this.network = network;
	}

	@Override
	public Mono<Fetched> fetch(URI url) {
		String text = url.toString();
		for (var origin : origins.entrySet()) {
			if (text.startsWith(origin.getKey() + "/")) {
				URI local = URI.create(origin.getValue() + text.substring(origin.getKey().length()));
				return network.fetch(local).map(f -> new Fetched(url, url, f.status(), f.body(), false));
			}
		}
		return network.fetch(url);
	}

}
