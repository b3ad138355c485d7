package org.cairn.credential;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.cairn.system.EntityTag;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public Open Badges 3.0 documents (no sign-in, like the 2.0 ones): the credential as JSON-LD with its embedded
 * proof, or as a VC-JWT; the issuer Profile; the district's JWK set (VC-JWT keys); its Multikeys (Data Integrity
 * keys); and its 1EdTech revocation list. A revoked badge's credential is no longer served (410), and its id is in
 * the revocation list so a copy a holder kept fails verification.
 */
@RestController
class CredentialController {

	static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

	static final MediaType VC = MediaType.parseMediaType("application/vc");

	static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

	private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final CredentialDocuments documents;

	private final JsonMapper json;

	CredentialController(CredentialDocuments documents, JsonMapper json) {
		this.documents = documents;
		this.json = json;
	}

	/** The credential; {@code ?download=true} saves it as a file for a wallet. */
	@GetMapping("/public/credentials/{id}")
	Mono<ResponseEntity<byte[]>> credential(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean download, @RequestHeader HttpHeaders headers) {
		return documents.credential(id).map(c -> {
			byte[] body = c.json().getBytes(StandardCharsets.UTF_8);
			MediaType type = accepts(headers, VC) ? VC : onlyJson(headers) ? MediaType.APPLICATION_JSON : LD_JSON;
			return respond(headers, body, type, download ? "open-badge-3-" + id + ".json" : null);
		});
	}

	@GetMapping("/public/credentials/{id}/jwt")
	Mono<ResponseEntity<byte[]>> jwt(@PathVariable String id, @RequestParam(defaultValue = "false") boolean download,
			@RequestHeader HttpHeaders headers) {
		return documents.credential(id)
			.flatMap(documents::withJwt)
			.map(c -> respond(headers, c.jwt().getBytes(StandardCharsets.US_ASCII), VC_JWT,
					download ? "open-badge-3-" + id + ".jwt" : null));
	}

	@GetMapping("/public/profiles/{issuerId}")
	Mono<ResponseEntity<byte[]>> profile(@PathVariable String issuerId, @RequestHeader HttpHeaders headers) {
		return documents.profile(issuerId).map(p -> respond(headers, write(p), jsonLd(headers), null));
	}

	@GetMapping("/public/profiles/{issuerId}/jwks")
	Mono<ResponseEntity<byte[]>> jwks(@PathVariable String issuerId, @RequestHeader HttpHeaders headers) {
		return documents.jwks(issuerId)
			.map(set -> respond(headers, write(set), MediaType.parseMediaType("application/jwk-set+json"), null));
	}

	@GetMapping("/public/multikeys/{id}")
	Mono<ResponseEntity<byte[]>> multikey(@PathVariable String id, @RequestHeader HttpHeaders headers) {
		return documents.multikey(id).map(k -> respond(headers, write(k), jsonLd(headers), null));
	}

	@GetMapping("/public/profiles/{issuerId}/revocations")
	Mono<ResponseEntity<byte[]>> revocations(@PathVariable String issuerId, @RequestHeader HttpHeaders headers) {
		return documents.revocations(issuerId).map(l -> respond(headers, write(l), MediaType.APPLICATION_JSON, null));
	}

	private static MediaType jsonLd(HttpHeaders headers) {
		return onlyJson(headers) ? MediaType.APPLICATION_JSON : LD_JSON;
	}

	private ResponseEntity<byte[]> respond(HttpHeaders request, byte[] body, MediaType type, String attachment) {
		EntityTag tag = EntityTag.of(body).variant(type.getSubtype().replaceAll("[^a-z]", ""));
		boolean unchanged = tag.matchedBy(request);
		ResponseEntity.BodyBuilder answer = unchanged ? ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				: ResponseEntity.ok().contentType(type);
		answer.eTag(tag.header())
			.cacheControl(SHORT)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.header("Access-Control-Allow-Origin", "*");
		if (attachment != null) {
			answer.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachment + "\"");
		}
		return unchanged ? answer.build() : answer.body(body);
	}

	private byte[] write(Object value) {
		return json.writeValueAsBytes(value);
	}

	private static boolean accepts(HttpHeaders headers, MediaType type) {
		return headers.getAccept().stream().anyMatch(t -> t.equalsTypeAndSubtype(type));
	}

	private static boolean onlyJson(HttpHeaders headers) {
		List<MediaType> accept = headers.getAccept();
		return !accept.isEmpty() && accept.stream().allMatch(t -> t.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
	}

}
