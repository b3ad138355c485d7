package org.cairn.review;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Submitting tiers and deciding them. */
enum ReviewProblem implements ProblemType {

	/** The tier passed; its evidence is final. */
	ALREADY_PASSED("already-passed", HttpStatus.CONFLICT),
	/** Someone decided the submission first. */
	ALREADY_DECIDED("already-decided", HttpStatus.CONFLICT),
	/** The decision does not match the scores. */
	DECISION_INCONSISTENT("decision-inconsistent", HttpStatus.BAD_REQUEST);

	private final String slug;

	private final HttpStatus status;

	ReviewProblem(String slug, HttpStatus status) {
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
