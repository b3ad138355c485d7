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

}
