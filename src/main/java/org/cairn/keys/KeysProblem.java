package org.cairn.keys;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Signing keys. */
enum KeysProblem implements ProblemType {

	/** The signing key was revoked. */
	KEY_REVOKED("key-revoked", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	KeysProblem(String slug, HttpStatus status) {
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
