package org.cairn.verification;

import java.net.URI;

import org.cairn.outbound.DocumentFetcher;
import org.cairn.outbound.FetchFailure;
import org.cairn.outbound.Fetched;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Retrieves the documents a badge links to (badge class, issuer profile; keys and revocation lists for the probes
 * that need them), at most {@link #MAX_FETCHES} per verification. A retrieved document must call itself by the
 * address it was retrieved from (after redirects): otherwise it is a copy of something else, noted on
 * {@code consistency}.
 */
final class Retrieval {

	/** Documents one verification may fetch: assertion, badge, issuer, a few keys, the revocation list. */
	static final int MAX_FETCHES = 10;

	private final DocumentFetcher documents;

	Retrieval(DocumentFetcher documents) {
		this.documents = documents;
	}

	Mono<Fetched> fetch(URI url, Run run) {
		// what was read, for Verdicts to tell later whether any of it changed (the reads of endorsements' runs too)
		return Mono.deferContextual(context -> {
			Verdicts.Reads reads = context.getOrDefault(Verdicts.Reads.class, null);
			if (++run.fetches > MAX_FETCHES) {
				if (reads != null) {
					reads.spoil();
				}
				return Mono.error(new FetchFailure(FetchFailure.Reason.BUSY,
						"This badge links to more documents than one verification retrieves (" + MAX_FETCHES + ")."));
			}
			Mono<Fetched> fetched = documents.fetch(url);
			return reads == null ? fetched
					: fetched.doOnNext(f -> reads.read(url, f)).doOnError(ex -> reads.spoil());
		});
	}

	/** Whether a document fetched from {@code fetched} names itself by that address (as asked, or where served). */
	static boolean servedAtItsId(Fetched fetched, String id) {
		return id != null && (id.equals(fetched.requested().toString()) || id.equals(fetched.served().toString())
				|| upgraded(id, fetched.requested().toString()) || upgraded(id, fetched.served().toString()));
	}

	/**
	 * An {@code http:} id retrieved at the same address over {@code https:} (1EdTech's endorsement samples name
	 * themselves so): the same host and path, fetched over TLS, is still the document its id names.
	 */
	private static boolean upgraded(String id, String url) {
		return id.startsWith("http://") && url.startsWith("https://")
				&& id.substring("http://".length()).equals(url.substring("https://".length()));
	}

	/** A linked document: retrieved when given as an IRI (or an object with only an id), else embedded. */
	Mono<JsonNode> linked(JsonNode reference, CheckId check, String what, Run run) {
		if (reference == null || (!reference.isString() && !reference.isObject())) {
			run.fail(check, "No " + what + " is named.");
			return Mono.empty();
		}
		if (reference.isObject() && reference.size() > 1) {
			run.pass(check, "The " + what + " is embedded.");
			if (reference.has("@context")) {
				DocumentProbe.context(reference, run, "The embedded " + what);
			}
			return Mono.just(reference);
		}
		String iri = Nodes.iri(reference);
		if (!Nodes.isHttp(iri)) {
			run.fail(check, "The " + what + " is named by " + Verifier.abbreviate(String.valueOf(iri))
					+ ", which is not an http(s) URL that could be retrieved.");
			return Mono.empty();
		}
		return fetch(URI.create(iri), run).flatMap(fetched -> {
			if (fetched.body() == null) {
				run.fail(check, iri + " answered 410 Gone.");
				return Mono.<JsonNode>empty();
			}
			JsonNode document = fetched.body();
			run.pass(check, "Retrieved the " + what + " from " + iri + ".");
			run.retrievedLinked = true;
			DocumentProbe.context(document, run, "The " + what);
			DocumentProbe.types(document, run, "The " + what);
			String id = Nodes.text(document, "id");
			if (id != null && !servedAtItsId(fetched, id)) {
				// spec "Data Validation": redirects are allowed; a different id is worth a look, not a refusal
				run.warn(CheckId.CONSISTENCY, "The " + what + " retrieved from " + iri + " calls itself "
						+ Verifier.abbreviate(id) + ".");
			}
			return Mono.just(document);
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(check, failure.getMessage());
			return Mono.empty();
		});
	}

}
