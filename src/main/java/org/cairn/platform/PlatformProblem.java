package org.cairn.platform;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Setting up the installation and its districts. */
enum PlatformProblem implements ProblemType {

	/** Another district has this slug. */
	SLUG_TAKEN("slug-taken", HttpStatus.CONFLICT),
	/** The set-up link was used, expired or replaced. */
	SETUP_LINK_INVALID("setup-link-invalid", HttpStatus.GONE),
	/** The first administrator's email already has an account. */
	EMAIL_IN_USE("email-in-use", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	PlatformProblem(String slug, HttpStatus status) {
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
