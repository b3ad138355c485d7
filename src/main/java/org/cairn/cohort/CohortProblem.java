package org.cairn.cohort;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Cohorts and their calendar. */
enum CohortProblem implements ProblemType {

	/** The tier's due date has passed and the cohort takes no late work. */
	PAST_DUE("past-due", HttpStatus.CONFLICT),

	/** The chosen evaluator may not review some member's work (their own, or their coach's where not allowed). */
	EVALUATOR_NOT_ELIGIBLE("evaluator-not-eligible", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	CohortProblem(String slug, HttpStatus status) {
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
