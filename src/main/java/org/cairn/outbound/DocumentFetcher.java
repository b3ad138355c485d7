package org.cairn.outbound;

import java.net.URI;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Retrieves one JSON-LD document by URL, or fails with a {@link FetchFailure}. */
@FunctionalInterface
public interface DocumentFetcher {

	Mono<Fetched> fetch(URI url);

	/**
	 * The body {@link #fetch} would give now for a document this process holds in memory (one of its own, {@link
	 * Fetched#local()}), without fetching or loading anything; null when there is none (then ask {@link #fetch}).
	 */
	default JsonNode held(URI url) {
		return null;
	}

}
