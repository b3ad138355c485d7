package org.cairn.evidence;

import java.util.Set;

import org.bson.types.ObjectId;
import org.cairn.account.CairnUser;
import org.cairn.enrollment.Enrollment;
import org.cairn.enrollment.EnrollmentRepository;
import org.cairn.problem.ProblemException;
import org.cairn.review.Reviews;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * What the practice library may take from a teacher's evidence: only the teacher's own current pieces of a tier that
 * passed review, or pieces the teacher published with a badge. Everything else stays private; the library decides
 * who may read a piece it holds, and asks for the bytes here.
 */
@Component
public class EvidenceSharing {

	/** How many of a teacher's enrolments the sharing page looks through (newest first). */
	private static final int ENROLLMENTS = 200;

	private final EvidenceRepository evidence;

	private final EnrollmentRepository enrollments;

	private final Reviews reviews;

	private final FileStore files;

	private final PublishedEvidenceLookup published;

	EvidenceSharing(EvidenceRepository evidence, EnrollmentRepository enrollments, Reviews reviews, FileStore files,
			PublishedEvidenceLookup published) {
		this.evidence = evidence;
		this.enrollments = enrollments;
		this.reviews = reviews;
		this.files = files;
		this.published = published;
	}

	/**
	 * A piece its owner may share.
	 *
	 * @param kind {@code REFLECTION}, {@code LINK} or the file's artifact kind ({@code IMAGE}, {@code PDF}, ...)
	 * @param passed its tier passed review
	 * @param isPublic the teacher published it with the badge
	 */
	public record Shareable(String id, String districtId, String personId, String enrollmentId, String templateId,
			String templateTitle, String tierKey, String requirementKey, String kind, String name, String text,
			String url, String mediaType, Long sizeBytes, boolean passed, boolean isPublic) {
	}

	/** The caller's pieces that may be shared, newest enrolment first. */
	public Flux<Shareable> shareable(CairnUser user) {
		return enrollments
			.findByDistrictIdAndPersonIdOrderByStartedAtDesc(user.districtId(), user.personId(),
					PageRequest.of(0, ENROLLMENTS))
			.concatMap(e -> reviews.passedTiers(e.id())
				.flatMapMany(passed -> evidence.findByEnrollmentIdAndWithdrawnAtIsNull(e.id())
					.filter(piece -> piece.personId().equals(user.personId()))
					.filter(piece -> passed.contains(piece.tierKey()) || piece.isPublic())
					.map(piece -> shareable(piece, e, passed))));
	}

	/** One of the caller's pieces that may be shared; a 404 for anyone else's, a 409 while it may not be shared. */
	public Mono<Shareable> own(CairnUser user, String evidenceId) {
		return evidence.findByIdAndDistrictId(evidenceId, user.districtId())
			.filter(piece -> piece.personId().equals(user.personId()) && piece.current())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Evidence " + evidenceId)))
			.flatMap(piece -> enrollments.findByIdAndDistrictId(piece.enrollmentId(), user.districtId())
				.flatMap(e -> reviews.passedTiers(e.id()).map(passed -> shareable(piece, e, passed))))
			.flatMap(s -> s.passed() || s.isPublic() ? Mono.just(s)
					: Mono.error(new ProblemException(EvidenceProblem.NOT_YET_SHAREABLE, "Not ready to share",
							"A piece can be shared once its tier has passed review, or once you published it with "
									+ "your badge.")));
	}

	/**
	 * The bytes of a current piece of the district (a file's bytes, a reflection's text, a link's URL), for a piece
	 * the practice library holds and has decided the reader may see.
	 */
	public Mono<PublishedEvidence.Content> content(String districtId, String evidenceId) {
		return evidence.findByIdAndDistrictId(evidenceId, districtId)
			.filter(Evidence::current)
			.flatMap(e -> e.type() == EvidenceType.FILE ? files.file(new ObjectId(e.fileId())).map(file -> {
				long length = ((Number) file.get("length")).longValue();
				int chunkSize = ((Number) file.get("chunkSize")).intValue();
				return new PublishedEvidence.Content(e.mediaType(), e.name(), length, e.fileId(),
						length == 0 ? Flux.empty() : files.range(new ObjectId(e.fileId()), chunkSize, 0, length - 1));
			}) : Mono.just(published.textContent(e)));
	}

	private static Shareable shareable(Evidence piece, Enrollment e, Set<String> passed) {
		return new Shareable(piece.id(), piece.districtId(), piece.personId(), e.id(), e.templateId(),
				e.templateTitle(), piece.tierKey(), piece.requirementKey(), PublishedEvidenceLookup.kind(piece),
				piece.name(), piece.text(), piece.url(), piece.mediaType(), piece.sizeBytes(),
				passed.contains(piece.tierKey()), piece.isPublic());
	}

}
