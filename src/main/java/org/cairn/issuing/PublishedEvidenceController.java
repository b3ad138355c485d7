package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.cairn.evidence.PublishedEvidence;
import org.cairn.problem.ProblemException;
import org.cairn.system.EntityTag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence a teacher published with a badge, at the URL in the assertion's {@code evidence}. Served only while the
 * assertion that published it exists and is not revoked, and while the teacher keeps it public; anything else is
 * the same 404, so the endpoint tells nothing about which ids exist. The public id is random and belongs to one
 * assertion: evidence ids, assertion ids and guesses reach nothing.
 */
@RestController
class PublishedEvidenceController {

	/** The shape of {@link org.cairn.openbadges.OpaqueIds}: 16 random bytes, URL-safe base64 without padding. */
	private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

	private final ReactiveMongoTemplate mongo;

	private final PublishedEvidence published;

	PublishedEvidenceController(ReactiveMongoTemplate mongo, PublishedEvidence published) {
		this.mongo = mongo;
		this.published = published;
	}

	@GetMapping("/public/evidence/{publicId}")
	Mono<ResponseEntity<Flux<DataBuffer>>> evidence(@PathVariable String publicId,
			@RequestHeader HttpHeaders request) {
		if (!PUBLIC_ID.matcher(publicId).matches()) {
			return Mono.error(notFound());
		}
		Query live = Query.query(Criteria.where("publishedEvidence.publicId").is(publicId).and("revokedAt").is(null));
		return mongo.findOne(live, IssuedAssertion.class)
			.flatMap(assertion -> Mono.justOrEmpty(assertion.publishedEvidence()
				.stream()
				.filter(piece -> piece.publicId().equals(publicId))
				.findFirst())
				.flatMap(piece -> published.content(assertion.districtId(), piece.evidenceId())))
			.switchIfEmpty(Mono.error(PublishedEvidenceController::notFound))
			.map(content -> respond(publicId, content, request));
	}

	private static ResponseEntity<Flux<DataBuffer>> respond(String publicId, PublishedEvidence.Content content,
			HttpHeaders request) {
		EntityTag tag = EntityTag.of(publicId + "/" + content.version());
		if (tag.matchedBy(request)) {
			// still published, unchanged: nothing to send (a client that kept a copy anyway revalidated it)
			return tag.notModified(CacheControl.noStore());
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(tag.header());
		headers.setContentType(mediaType(content.mediaType()));
		headers.setContentLength(content.length());
		headers.setContentDisposition(
				ContentDisposition.inline().filename(content.filename(), StandardCharsets.UTF_8).build());
		// student work uploaded by anyone: never let a browser sniff it into HTML or run it as a page of ours
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
		// revoking the badge or unpublishing the piece must take it offline at once, so no cache keeps a copy
		headers.setCacheControl("no-store");
		return ResponseEntity.ok().headers(headers).body(content.body());
	}

	private static MediaType mediaType(String value) {
		try {
			return value == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(value);
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	private static ProblemException notFound() {
		return ProblemException.notFound("Evidence");
	}

}
