package org.cairn.account;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Sign-in and the security chain's own refusals. */
enum AccountProblem implements ProblemType {

	/** The email or password is wrong. */
	INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED),
	/** Too many failed sign-ins; {@code retryAfterSeconds} says when to try again. */
	TOO_MANY_ATTEMPTS("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS),
	/** A state-changing request without the CSRF token. */
	CSRF("csrf", HttpStatus.FORBIDDEN),
	/** A personal access token whose scope does not allow the request. */
	TOKEN_SCOPE("token-scope", HttpStatus.FORBIDDEN),
	/** A former teacher signed in with the district email; their personal address signs them in. */
	DISTRICT_ACCOUNT_CLOSED("district-account-closed", HttpStatus.UNAUTHORIZED),
	/** A former teacher tried to change something other than their addresses and sharing. */
	READ_ONLY("read-only", HttpStatus.FORBIDDEN);

	private final String slug;

	private final HttpStatus status;

	AccountProblem(String slug, HttpStatus status) {
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
