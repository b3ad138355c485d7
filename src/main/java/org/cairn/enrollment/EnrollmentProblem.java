package org.cairn.enrollment;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Proposals, approvals and budgets. */
enum EnrollmentProblem implements ProblemType {

	/** Approving would spend more than the budget left. */
	BUDGET_EXCEEDED("budget-exceeded", HttpStatus.CONFLICT),

	/** The template has no renewal path a teacher can follow. */
	NO_RENEWAL_PATH("no-renewal-path", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	EnrollmentProblem(String slug, HttpStatus status) {
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
