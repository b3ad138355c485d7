package org.cairn.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import org.cairn.review.Submission;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class EvidenceController {

	private static final String REQUIREMENT = "/enrollments/{enrollmentId}/tiers/{tierKey}/requirements/{requirementKey}";

	private final EvidenceService service;

	private final FileStore files;

	private final Audit audit;

	private final ReactiveMongoTemplate mongo;

	EvidenceController(EvidenceService service, FileStore files, Audit audit, ReactiveMongoTemplate mongo) {
		this.service = service;
		this.files = files;
		this.audit = audit;
		this.mongo = mongo;
	}

	record ReflectionBody(@NotNull String text) {
	}

	/** Saves the draft reflection; returns the server's word count and whether it is in range. */
	@PutMapping(REQUIREMENT + "/reflection")
	Mono<EvidenceService.ReflectionSaved> reflection(@AuthenticationPrincipal CairnUser user,
			@PathVariable String enrollmentId, @PathVariable String tierKey, @PathVariable String requirementKey,
			@Valid @RequestBody ReflectionBody body) {
		return service.saveReflection(user, enrollmentId, tierKey, requirementKey, body.text());
	}

	record LinksBody(@NotNull @Size(max = EvidenceService.MAX_LINKS) List<String> urls) {
	}

	@PutMapping(REQUIREMENT + "/links")
	Mono<List<Evidence>> links(@AuthenticationPrincipal CairnUser user, @PathVariable String enrollmentId,
			@PathVariable String tierKey, @PathVariable String requirementKey, @Valid @RequestBody LinksBody body) {
		return service.saveLinks(user, enrollmentId, tierKey, requirementKey, body.urls());
	}

	/**
	 * Streams the request body (any content type; the kind is read from the bytes) into the requirement as
	 * {@code filename}. The same name again replaces the draft file.
	 */
	@PutMapping(REQUIREMENT + "/files/{filename}")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Evidence> upload(@AuthenticationPrincipal CairnUser user, @PathVariable String enrollmentId,
			@PathVariable String tierKey, @PathVariable String requirementKey, @PathVariable String filename,
			ServerHttpRequest request) {
		long length = request.getHeaders().getContentLength();
		return service.upload(user, enrollmentId, tierKey, requirementKey, filename, length >= 0 ? length : null,
				request.getBody());
	}

	/** Checks the tier's requirements, locks its evidence and queues it for review. */
	@PostMapping("/enrollments/{enrollmentId}/tiers/{tierKey}/submission")
	Mono<Submission> submit(@AuthenticationPrincipal CairnUser user, @PathVariable String enrollmentId,
			@PathVariable String tierKey) {
		return service.submitTier(user, enrollmentId, tierKey);
	}

	@GetMapping("/enrollments/{enrollmentId}/evidence")
	Flux<Evidence> list(@AuthenticationPrincipal CairnUser user, @PathVariable String enrollmentId,
			@RequestParam(required = false) String tierKey) {
		return service.list(user, enrollmentId, tierKey).concatMap(e -> audit.read(user, e, "list", null).thenReturn(e));
	}

	@GetMapping("/evidence/{id}")
	Mono<Evidence> get(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return service.readable(user, id).flatMap(e -> audit.read(user, e, "read", null).thenReturn(e));
	}

	/** The bytes, with single-range support (206) so video plays and seeks in the browser. */
	@GetMapping("/evidence/{id}/content")
	Mono<ResponseEntity<Flux<DataBuffer>>> content(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
		return service.readable(user, id).flatMap(e -> {
			if (e.type() == EvidenceType.TEXT) {
				byte[] text = e.text().getBytes(StandardCharsets.UTF_8);
				return audit.read(user, e, "read-content", null)
					.thenReturn(ResponseEntity.ok()
						.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
						.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(text))));
			}
			if (e.type() != EvidenceType.FILE) {
				return Mono.error(ProblemException.notFound("Content of evidence " + id));
			}
			ObjectId fileId = new ObjectId(e.fileId());
			return files.file(fileId)
				.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Content of evidence " + id)))
				.flatMap(file -> audit.read(user, e, "read-content", range).thenReturn(respond(e, file, range)));
		});
	}

	private ResponseEntity<Flux<DataBuffer>> respond(Evidence e, Document file, String rangeHeader) {
		long length = ((Number) file.get("length")).longValue();
		int chunkSize = ((Number) file.get("chunkSize")).intValue();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(e.mediaType()));
		headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
		headers.setContentDisposition(ContentDisposition.inline().filename(e.name(), StandardCharsets.UTF_8).build());
		// evidence holds student work: never let a browser run it as a page or cache it in shared caches
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
		headers.setCacheControl("private, no-store");
		List<HttpRange> ranges;
		try {
			ranges = rangeHeader == null ? List.of() : HttpRange.parseRanges(rangeHeader);
		}
		catch (IllegalArgumentException ex) {
			ranges = null;
		}
		if (ranges != null && ranges.size() == 1) {
			long start;
			long end;
			try {
				start = ranges.get(0).getRangeStart(length);
				end = ranges.get(0).getRangeEnd(length);
			}
			catch (IllegalArgumentException ex) {
				start = -1;
				end = -1;
			}
			if (start < 0 || start >= length || end < start) {
				headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
				return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).headers(headers).build();
			}
			headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
			headers.setContentLength(end - start + 1);
			return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
				.headers(headers)
				.body(files.range(new ObjectId(e.fileId()), chunkSize, start, end));
		}
		if (ranges == null) {
			headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
			return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).headers(headers).build();
		}
		headers.setContentLength(length);
		return ResponseEntity.ok()
			.headers(headers)
			.body(length == 0 ? Flux.empty() : files.range(new ObjectId(e.fileId()), chunkSize, 0, length - 1));
	}

	@DeleteMapping("/evidence/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return service.delete(user, id);
	}

	record VisibilityBody(@NotNull Boolean isPublic) {
	}

	/** The owner chooses whether a piece is published with the badge; nothing is public by default. */
	@PutMapping("/evidence/{id}/visibility")
	Mono<Evidence> visibility(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody VisibilityBody body) {
		return service.setPublic(user, id, body.isPublic());
	}

	/** Reads of evidence by people other than its owner, newest first (admins). */
	@GetMapping("/audit")
	Flux<AuditEntry> audit(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String evidenceId, @RequestParam(defaultValue = "200") int limit) {
		user.require(Role.DISTRICT_ADMIN);
		Criteria criteria = Criteria.where("districtId").is(user.districtId());
		if (evidenceId != null) {
			criteria = criteria.and("evidenceId").is(evidenceId);
		}
		return mongo.find(Query.query(criteria)
			.with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(Math.max(1, Math.min(limit, 1000))), AuditEntry.class);
	}

}
