package org.cairn.issuing;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Issued assertions, their public documents and the district's issuing settings. */
enum IssuingProblem implements ProblemType {

	/** The badge was revoked. */
	ASSERTION_REVOKED("assertion-revoked", HttpStatus.GONE),
	/** Only a revoked assertion can be reinstated. */
	NOT_REVOKED("not-revoked", HttpStatus.CONFLICT),
	/** A badge image format other than png or svg. */
	UNSUPPORTED_FORMAT("unsupported-format", HttpStatus.BAD_REQUEST),
	/** A certificate paper other than letter or a4. */
	UNSUPPORTED_PAPER("unsupported-paper", HttpStatus.BAD_REQUEST),
	/** The issuing settings changed meanwhile. */
	CONCURRENT_UPDATE("concurrent-update", HttpStatus.CONFLICT),
	/** A badge can only be re-issued to one of the recipient's verified addresses. */
	NOT_YOUR_ADDRESS("not-your-address", HttpStatus.UNPROCESSABLE_CONTENT),
	/** The badge was re-issued to another address already; {@code reissuedAs} names the new one. */
	ALREADY_REISSUED("already-reissued", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	IssuingProblem(String slug, HttpStatus status) {
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
