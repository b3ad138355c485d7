package org.cairn.openbadges;

import java.net.URI;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The Open Badges documents this installation hosts, looked up in process. Verification asks here first so that
 * checking one of our own badges makes no network round trip to ourselves; issuing implements it from memory
 * (invalidated on revoke and key rotation). Empty when the URL is not one of ours or names nothing.
 */
public interface HostedDocuments {

	/** The JSON-LD document the public endpoint would serve at {@code url}, exactly as served. */
	Mono<JsonNode> find(URI url);

	/**
	 * The very node {@link #find} would give now, when it is in memory and fresh, without loading anything; null
	 * when it is not (or this holder keeps nothing it can answer this way): then {@link #find} is the answer.
	 * Verification uses it to tell at once that nothing a remembered report read has changed.
	 */
	default JsonNode held(URI url) {
		return null;
	}

}
