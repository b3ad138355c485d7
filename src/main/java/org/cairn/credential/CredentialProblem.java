package org.cairn.credential;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Open Badges 3.0 credentials and their public documents. */
enum CredentialProblem implements ProblemType {

	/** The badge was revoked: its 3.0 credential is no longer served (its id is in the revocation list). */
	CREDENTIAL_REVOKED("credential-revoked", HttpStatus.GONE),
	/** A learner record was asked for someone who holds no current badge (all revoked or expired, or none yet). */
	NO_CURRENT_BADGES("no-current-badges", HttpStatus.NOT_FOUND);

	private final String slug;

	private final HttpStatus status;

	CredentialProblem(String slug, HttpStatus status) {
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
