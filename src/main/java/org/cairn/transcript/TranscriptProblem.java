package org.cairn.transcript;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Hours, transcripts, expiry and renewal. */
enum TranscriptProblem implements ProblemType {

	/** A revoked badge cannot be renewed. */
	BADGE_REVOKED("badge-revoked", HttpStatus.CONFLICT),

	/** The badge never expires, or its renewal opens later. */
	RENEWAL_NOT_OPEN("renewal-not-open", HttpStatus.CONFLICT),

	/** The badge was renewed already. */
	ALREADY_RENEWED("already-renewed", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	TranscriptProblem(String slug, HttpStatus status) {
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
