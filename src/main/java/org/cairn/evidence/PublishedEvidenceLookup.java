package org.cairn.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.cairn.review.PublishedEvidenceIds;
import org.cairn.system.EntityTag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.cairn.system.EntityTag;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

/**
 * Tells review which pieces the teacher chose to publish with a tier's badge, and issuing what those pieces are.
 * Every answer is re-checked against the piece's current {@code isPublic}: a teacher who unpublishes a piece later
 * takes it off the public web at once.
 */
@Component
class PublishedEvidenceLookup implements PublishedEvidenceIds, PublishedEvidence {

	private final EvidenceRepository evidence;

	private final FileStore files;

	PublishedEvidenceLookup(EvidenceRepository evidence, FileStore files) {
		this.evidence = evidence;
		this.files = files;
	}

	@Override
	public Flux<String> idsFor(String enrollmentId, String tierKey) {
		return evidence.findByEnrollmentIdAndTierKeyAndIsPublicTrueAndWithdrawnAtIsNull(enrollmentId, tierKey)
			.map(Evidence::id);
	}

	@Override
	public Flux<Piece> pieces(String districtId, List<String> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return evidence.findAllById(ids)
			.filter(e -> published(e, districtId))
			.collectMap(Evidence::id, Function.identity())
			.flatMapIterable(byId -> ids.stream().filter(byId::containsKey).map(byId::get).map(this::piece).toList());
	}

	@Override
	public Mono<Content> content(String districtId, String evidenceId) {
		return evidence.findById(evidenceId).filter(e -> published(e, districtId)).flatMap(e -> switch (e.type()) {
			case TEXT, LINK -> Mono.just(textContent(e));
			case FILE -> {
				ObjectId fileId = new ObjectId(e.fileId());
				yield files.file(fileId).map(file -> {
					long length = ((Number) file.get("length")).longValue();
					int chunkSize = ((Number) file.get("chunkSize")).intValue();
					// a stored file never changes: a replacement is a new file
					return new Content(e.mediaType(), e.name(), length, e.fileId(),
							length == 0 ? Flux.empty() : files.range(fileId, chunkSize, 0, length - 1));
				});
			}
		});
	}

	private static boolean published(Evidence e, String districtId) {
		return e.isPublic() && e.current() && e.districtId().equals(districtId);
	}

	private Piece piece(Evidence e) {
		return new Piece(e.id(), e.tierKey(), e.requirementKey(), kind(e), e.name(), e.text(), e.url(), e.mediaType(),
				e.sizeBytes());
	}

	/** {@code REFLECTION}, {@code LINK} or the file's artifact kind. */
	static String kind(Evidence e) {
		return switch (e.type()) {
			case TEXT -> "REFLECTION";
			case LINK -> "LINK";
			case FILE -> e.artifactKind() == null ? "FILE" : e.artifactKind().name();
		};
	}

	/** A reflection's text, or a link's URL (a citation's name), as a plain-text download. */
	Content textContent(Evidence e) {
		return switch (e.type()) {
			case TEXT -> text(e.text(), "reflection.txt");
			default -> e.url() != null ? text(e.url(), "link.txt") : text(e.name(), "citation.txt");
		};
	}

	private static Content text(String text, String filename) {
		byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
		return new Content("text/plain;charset=UTF-8", filename, bytes.length, EntityTag.of(bytes).opaque(),
				Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
	}

}
