package org.cairn.evidence;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Adding, uploading and submitting evidence. */
enum EvidenceProblem implements ProblemType {

	/** Evidence waits until the enrollment is approved. */
	ENROLLMENT_NOT_ACTIVE("enrollment-not-active", HttpStatus.CONFLICT),
	/** An earlier tier must pass first. */
	TIER_LOCKED("tier-locked", HttpStatus.CONFLICT),
	/** The tier was submitted; its evidence is locked until returned. */
	EVIDENCE_LOCKED("evidence-locked", HttpStatus.CONFLICT),
	/** The requirement asks for another kind of evidence. */
	WRONG_EVIDENCE_KIND("wrong-evidence-kind", HttpStatus.CONFLICT),
	/** Another save of the same links is still running. */
	LINKS_IN_PROGRESS("links-in-progress", HttpStatus.CONFLICT),
	/** Another upload of the same file is still running. */
	UPLOAD_IN_PROGRESS("upload-in-progress", HttpStatus.CONFLICT),
	/** The requirement already has its maximum of files. */
	TOO_MANY_ITEMS("too-many-items", HttpStatus.CONFLICT),
	/** The upload ended before its declared length. */
	UPLOAD_INCOMPLETE("upload-incomplete", HttpStatus.BAD_REQUEST),
	/** The file's content is no kind Cairn accepts. */
	UNRECOGNISED_KIND("unrecognised-kind", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	/** A piece may be shared once its tier passed or once it was published. */
	NOT_YET_SHAREABLE("not-yet-shareable", HttpStatus.CONFLICT),
	/** The file's content is a kind the requirement does not accept. */
	FORBIDDEN_KIND("forbidden-kind", HttpStatus.UNSUPPORTED_MEDIA_TYPE);

	private final String slug;

	private final HttpStatus status;

	EvidenceProblem(String slug, HttpStatus status) {
		this.slug = slug;
		this.status = status;
	}

	@Override
	public String slug() {
		return slug;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

}
