package org.cairn.problem;

import org.springframework.http.HttpStatus;

/** Problems any feature (or the web layer itself) may answer with. */
public enum CommonProblem implements ProblemType {

	/** The action does not fit the state the thing is in now (an enrolment already decided, a submission decided). */
	INVALID_STATE("invalid-state", HttpStatus.CONFLICT),
	/** A resource that does not exist, or that the caller may not know exists (other districts' data). */
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
	/** Invalid input, with {@code errors[]} naming each field. */
	VALIDATION("validation", HttpStatus.UNPROCESSABLE_CONTENT),
	MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
	/** Any other 4xx the web layer answers on its own; the status is the one it chose. */
	BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
	/** A request body over the server's limit. */
	TOO_LARGE("too-large", HttpStatus.CONTENT_TOO_LARGE),
	/** An upload (evidence file, CSV list, badge to verify) over its feature's limit. */
	UPLOAD_TOO_LARGE("upload-too-large", HttpStatus.CONTENT_TOO_LARGE),
	/** An address with an encoded slash or backslash, refused before routing. */
	REJECTED_ADDRESS("rejected-address", HttpStatus.BAD_REQUEST),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR);

	private final String slug;

	private final HttpStatus status;

	CommonProblem(String slug, HttpStatus status) {
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
