package org.cairn.issuing;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cairn.openbadges.HostedDocuments;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Cairn's own public Open Badges 2.0 documents as the verifier reads them: parsed, from {@link PublicDocuments}'
 * memory, by their public URL. Kept apart from the documents themselves, which are served as bytes and never parsed
 * for a reader.
 */
@Component
@Primary // the 2.0 documents; verification asks every HostedDocuments (the 3.0 ones too)
class HostedPublicDocuments implements HostedDocuments {

	private static final int MAX_ENTRIES = 200_000;

	private final PublicDocuments documents;

	private final PublicUrls urls;

	private final JsonMapper json;

	/** The parsed form of each document verification read, by path, with the rendering it was parsed from. */
	private final Map<String, Tree> trees = new ConcurrentHashMap<>();

	HostedPublicDocuments(PublicDocuments documents, PublicUrls urls, JsonMapper json, Generations generations) {
		this.documents = documents;
		this.urls = urls;
		this.json = json;
		generations.onChange(districtId -> trees.values().removeIf(t -> districtId.equals(t.source().districtId())));
	}

	@Override
	public Mono<JsonNode> find(URI url) {
		String path = urls.ownPath(url);
		if (path == null) {
			return Mono.empty();
		}
		String[] parts = path.split("/");
		// ["", "public", kind, id]
		if (parts.length != 4) {
			return Mono.empty();
		}
		Mono<Rendered> rendered = switch (parts[2]) {
			case "assertions" -> documents.assertion(parts[3]);
			case "badges" -> documents.badge(parts[3]);
			case "issuers" -> documents.issuer(parts[3]);
			case "keys" -> documents.key(parts[3]);
			case "revocations" -> documents.revocations(parts[3]);
			default -> Mono.empty();
		};
		return rendered.map(r -> tree(path, r));
	}

	/**
	 * The node {@link #find} gives now, when the document and its parsed form are in memory and fresh; null
	 * otherwise (nothing is loaded). A remembered verification checks with it that what it read is unchanged.
	 */
	@Override
	public JsonNode held(URI url) {
		String path = urls.ownPath(url);
		if (path == null) {
			return null;
		}
		String[] parts = path.split("/");
		if (parts.length != 4) {
			return null;
		}
		String kind = switch (parts[2]) {
			case "assertions" -> "assertion:";
			case "badges" -> "badge:";
			case "issuers" -> "issuer:";
			case "keys" -> "key:";
			case "revocations" -> "revocations:";
			default -> null;
		};
		if (kind == null || !(documents.peek(kind + parts[3]) instanceof Rendered rendered)) {
			return null;
		}
		Tree known = trees.get(path);
		return known != null && known.source() == rendered ? known.node() : null;
	}

	/**
	 * The parsed document, parsed once per rendering: verifying a Cairn badge reads its badge class, issuer, key and
	 * revocation list, and parsing them again for every verification showed in its profile. The same {@link Rendered}
	 * gives the same (read-only: no reader changes it) node, so a verifier can tell that nothing it read changed.
	 */
	private JsonNode tree(String path, Rendered rendered) {
		Tree known = trees.get(path);
		if (known != null && known.source() == rendered) {
			return known.node();
		}
		JsonNode node = json.readTree(rendered.json());
		if (trees.size() >= MAX_ENTRIES) {
			trees.clear();
		}
		trees.put(path, new Tree(rendered, node));
		return node;
	}

	private record Tree(Rendered source, JsonNode node) {
	}

}
