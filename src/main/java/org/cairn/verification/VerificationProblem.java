package org.cairn.verification;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** The public verifier's refusals (a badge that fails is a report, not a problem). */
enum VerificationProblem implements ProblemType {

	/** Nothing, or more than one badge, to verify. */
	VERIFICATION_INPUT("verification-input", HttpStatus.BAD_REQUEST),
	/** Too many verifications from one client; see {@code Retry-After}. */
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS);

	private final String slug;

	private final HttpStatus status;

	VerificationProblem(String slug, HttpStatus status) {
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
