package org.cairn.endorsement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cairn.problem.ProblemException;
import org.cairn.system.EntityTag;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public endorsement documents (no sign-in): the 2.0 Endorsement (a withdrawn one answers {@code 410 Gone} with
 * {@code revoked: true}, as a revoked hosted assertion does), its JWS when the endorser signs, the 3.0
 * EndorsementCredential, the endorser's revocation list of them, and the accepted endorsements of a badge class or
 * issuer for the badge pages.
 */
@RestController
class EndorsementPublicController {

	private static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final EndorsementDocuments documents;

	private final EndorsementUrls urls;

	private final JsonMapper json;

	EndorsementPublicController(EndorsementDocuments documents, EndorsementUrls urls, JsonMapper json) {
		this.documents = documents;
		this.urls = urls;
		this.json = json;
	}

	/** What a badge page shows of one accepted endorsement: plain text, to be shown as text. */
	record Shown(String url, String credentialUrl, String endorserName, String endorserUrl, String comment,
			Instant issuedOn) {
	}

	@GetMapping("/public/endorsements/{id}")
	Mono<ResponseEntity<byte[]>> endorsement(@PathVariable String id, ServerHttpRequest request) {
		return found(id).map(e -> answer(e.withdrawn(), documents.document(e), request));
	}

	@GetMapping("/public/endorsements/{id}/credential")
	Mono<ResponseEntity<byte[]>> credential(@PathVariable String id, ServerHttpRequest request) {
		return found(id).map(e -> answer(e.withdrawn(), documents.credential(e), request));
	}

	@GetMapping("/public/endorsements/{id}/jws")
	Mono<ResponseEntity<byte[]>> jws(@PathVariable String id) {
		return found(id).filter(e -> e.jws() != null && !e.withdrawn())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Signed endorsement")))
			.map(e -> ResponseEntity.ok()
				.contentType(MediaType.TEXT_PLAIN)
				.cacheControl(SHORT)
				.header("Access-Control-Allow-Origin", "*")
				.body(e.jws().getBytes(StandardCharsets.US_ASCII)));
	}

	@GetMapping("/public/endorsement-revocations/{issuerId}")
	Mono<ResponseEntity<byte[]>> revocations(@PathVariable String issuerId, ServerHttpRequest request) {
		return documents.revocations(issuerId).map(list -> answer(false, json.valueToTree(list), request));
	}

	/** The accepted, standing endorsements of a badge class or issuer, by its 2.0 id; for the public badge page. */
	@GetMapping("/public/endorsements")
	Mono<ResponseEntity<List<Shown>>> of(@RequestParam("of") String endorsedId) {
		return documents.accepted(endorsedId)
			.map(e -> new Shown(urls.endorsement(e.id()), urls.credential(e.id()), e.endorserName(),
					urls.own("/public/issuers/" + e.endorserIssuerId()), e.comment(), e.issuedOn()))
			.collectList()
			// read on every visit: a withdrawn or hidden endorsement leaves the badge page at once
			.map(list -> ResponseEntity.ok().cacheControl(CacheControl.noCache()).header("Access-Control-Allow-Origin", "*")
				.body(list));
	}

	private Mono<StoredEndorsement> found(String id) {
		return documents.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Endorsement")));
	}

	private ResponseEntity<byte[]> answer(boolean gone, JsonNode document, ServerHttpRequest request) {
		byte[] body = json.writeValueAsBytes(document);
		if (gone) {
			return ResponseEntity.status(HttpStatus.GONE).contentType(LD_JSON).cacheControl(SHORT)
				.header("Access-Control-Allow-Origin", "*").body(body);
		}
		EntityTag tag = EntityTag.of(body);
		HttpHeaders headers = request.getHeaders();
		if (tag.matchedBy(headers)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag.header()).cacheControl(SHORT).build();
		}
		return ResponseEntity.ok().contentType(LD_JSON).eTag(tag.header()).cacheControl(SHORT)
			.header("Access-Control-Allow-Origin", "*").body(body);
	}

}
