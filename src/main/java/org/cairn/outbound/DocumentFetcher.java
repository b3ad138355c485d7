package org.cairn.outbound;

import java.net.URI;

import reactor.core.publisher.Mono;

/** Retrieves one JSON-LD document by URL, or fails with a {@link FetchFailure}. */
@FunctionalInterface
public interface DocumentFetcher {

	Mono<Fetched> fetch(URI url);

}
