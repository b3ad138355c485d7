package org.cairn.verification;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.cairn.outbound.FetchFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Probe "hosted": a hosted assertion is the document its issuer serves at its id (spec "HostedBadge Verification").
 * Checks {@code assertion.retrieval}, {@code consistency}, {@code hosted.scope}. Whatever the input carried (a URL,
 * a copy of the JSON, an image baked with either), the document retrieved is the one judged. Refuses an assertion
 * that cannot be retrieved, a document whose {@code id} is not the address it was served from (a copy hosted
 * elsewhere), and an {@code id} outside the issuer's verification policy: {@code startsWith} prefixes, else
 * {@code allowedOrigins} compared with the id's URL authority (host, and port when not the scheme's default), else
 * the authority of the issuer's own id.
 */
final class HostedProbe {

	private final Retrieval retrieval;

	HostedProbe(Retrieval retrieval) {
		this.retrieval = retrieval;
	}

	/**
	 * Retrieves the assertion from {@code url} and records what was found: the retrieved document (to be judged), or
	 * empty when there is none to judge (not retrievable, or revoked with no body).
	 */
	Mono<JsonNode> retrieve(String url, Run run) {
		run.current = CheckId.ASSERTION_RETRIEVAL;
		URI uri = Nodes.isHttp(url) ? Nodes.uri(url) : null;
		if (uri == null) {
			run.fail(CheckId.ASSERTION_RETRIEVAL, "A hosted assertion needs an http(s) id to be retrieved from.");
			return Mono.empty();
		}
		return retrieval.fetch(uri, run).flatMap(fetched -> {
			JsonNode body = fetched.body();
			run.retrievedFrom = url;
			if (fetched.gone() || (body != null && revokedFlag(body))) {
				run.pass(CheckId.ASSERTION_RETRIEVAL, "Retrieved " + url + (fetched.gone() ? ": 410 Gone." : "."));
				run.revoked = true;
				run.revocationReason = body == null ? null : Nodes.text(body, "revocationReason");
			}
			else {
				run.pass(CheckId.ASSERTION_RETRIEVAL, "Retrieved the hosted assertion from " + url + ".");
			}
			if (body == null) {
				run.skip(CheckId.CONSISTENCY, "The issuer answered 410 Gone without a document to compare.");
				return Mono.<JsonNode>empty();
			}
			String id = Nodes.text(body, "id");
			if (Retrieval.servedAtItsId(fetched, id)) {
				run.pass(CheckId.CONSISTENCY, "The assertion is served at its own id.");
			}
			else {
				run.fail(CheckId.CONSISTENCY, "The document at " + Verifier.abbreviate(url) + " calls itself "
						+ Verifier.abbreviate(String.valueOf(id)) + ": a hosted assertion must be served at its own "
						+ "id, so this is a copy, not the issuer's badge.");
			}
			return Mono.just(body);
		}).onErrorResume(FetchFailure.class, failure -> {
			run.fail(CheckId.ASSERTION_RETRIEVAL, failure.getMessage());
			return Mono.empty();
		});
	}

	static boolean revokedFlag(JsonNode body) {
		JsonNode revoked = body.get("revoked");
		return revoked != null && revoked.isBoolean() && revoked.booleanValue();
	}

	/**
	 * Spec "HostedBadge Verification" and "VerificationObject": startsWith, allowedOrigins, else the issuer's origin.
	 * {@code id} is the address the assertion was retrieved from, never only what the document says of itself.
	 */
	static void scope(String id, JsonNode issuer, Run run) {
		CheckId check = CheckId.HOSTED_SCOPE;
		if (!Nodes.isHttp(id)) {
			run.fail(check, "A hosted assertion's id must be an http(s) URL.");
			return;
		}
		JsonNode policy = issuer.get("verification");
		List<String> startsWith = Nodes.texts(policy, "startsWith");
		List<String> origins = Nodes.texts(policy, "allowedOrigins");
		String authority = authority(id);
		if (!origins.isEmpty() && origins.stream().noneMatch(o -> sameAuthority(o, id))) {
			run.fail(check, "The assertion is hosted on " + authority + ", not on an origin the issuer allows "
					+ origins.stream().limit(5).map(Verifier::abbreviate).toList() + ".");
			return;
		}
		if (!startsWith.isEmpty()) {
			if (startsWith.stream().anyMatch(id::startsWith)) {
				run.pass(check, "The assertion's id starts with a prefix the issuer allows.");
			}
			else {
				run.fail(check, "The assertion's id does not start with any prefix the issuer allows "
						+ startsWith.stream().limit(5).map(Verifier::abbreviate).toList() + ".");
			}
			return;
		}
		if (!origins.isEmpty()) {
			run.pass(check, "The assertion is hosted on " + authority + ", an origin the issuer allows.");
			return;
		}
		String issuerId = Nodes.text(issuer, "id");
		if (!Nodes.isHttp(issuerId)) {
			run.warn(check, "The issuer's id is not an http(s) URL, so the assertion's origin cannot be compared.");
			return;
		}
		if (authority.equals(authority(issuerId))) {
			run.pass(check, "The assertion is hosted on the issuer's origin (" + authority + ").");
		}
		else {
			run.fail(check, "The assertion is hosted on " + authority + " but the issuer is on " + authority(issuerId)
					+ ".");
		}
	}

	/**
	 * The URL authority as 1EdTech's validator compares it: the host, and {@code :port} when the URL names a port
	 * other than its scheme's default. Null when the URL has no host.
	 */
	static String authority(String url) {
		URI uri = Nodes.uri(url);
		if (uri == null || uri.getHost() == null) {
			return null;
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		int standard = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
		return port < 0 || port == standard ? host : host + ":" + port;
	}

	/** An allowedOrigins entry names the id's authority (a port written out equal to the default counts too). */
	private static boolean sameAuthority(String origin, String id) {
		String entry = origin.strip().toLowerCase(Locale.ROOT);
		String authority = authority(id);
		if (entry.equals(authority)) {
			return true;
		}
		URI uri = Nodes.uri(id);
		return uri != null && uri.getPort() < 0 && entry.equals(authority + ":"
				+ ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80));
	}

}
