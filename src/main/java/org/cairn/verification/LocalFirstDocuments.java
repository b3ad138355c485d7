package org.cairn.verification;

import java.net.URI;

import org.cairn.openbadges.HostedDocuments;
import org.cairn.outbound.DocumentFetcher;
import org.cairn.outbound.FetchFailure;
import org.cairn.outbound.Fetched;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Our own public documents come from memory ({@link HostedDocuments}, kept by issuing and invalidated on revoke
 * and key rotation): verifying a Cairn badge makes no network round trip to ourselves. Everything else goes to the
 * guarded network fetcher.
 */
final class LocalFirstDocuments implements DocumentFetcher {

	private final HostedDocuments hosted;

	private final String ownPrefix;

	private final DocumentFetcher network;

	LocalFirstDocuments(HostedDocuments hosted, String publicBaseUrl, DocumentFetcher network) {
		this.hosted = hosted;
		this.ownPrefix = publicBaseUrl.replaceAll("/+$", "") + "/public/";
		this.network = network;
	}

	@Override
	public Mono<Fetched> fetch(URI url) {
		if (!url.toString().startsWith(ownPrefix)) {
			return network.fetch(url);
		}
		return hosted.find(url)
			.map(node -> new Fetched(url, url, revoked(node) ? 410 : 200, node, true))
			.switchIfEmpty(Mono.error(() -> new FetchFailure(FetchFailure.Reason.STATUS, url + " answered 404.")));
	}

	@Override
	public JsonNode held(URI url) {
		return url.toString().startsWith(ownPrefix) ? hosted.held(url) : null;
	}

	private static boolean revoked(JsonNode node) {
		JsonNode revoked = node.get("revoked");
		return revoked != null && revoked.isBoolean() && revoked.booleanValue();
	}

}
