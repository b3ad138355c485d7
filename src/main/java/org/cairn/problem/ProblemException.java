package org.cairn.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the caller can act on. Features throw (or {@code Mono.error}) these; {@link ProblemHandling} writes
 * them as {@code application/problem+json}. The {@code type} slug is stable API: clients switch on it.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ProblemException(HttpStatus status, String slug, String title, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.slug = slug;
		this.title = title;
	}

	/** A resource that does not exist, or that the caller may not know exists (other districts' data). */
	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
	}

	public static ProblemException forbidden(String detail) {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
	}

	public static ProblemException conflict(String slug, String title, String detail) {
		return new ProblemException(HttpStatus.CONFLICT, slug, title, detail);
	}

	public static ProblemException badRequest(String slug, String title, String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, slug, title, detail);
	}

	/** Invalid input, listing every error at once so a form can show each next to its field. */
	public static ProblemException invalid(List<FieldProblem> errors) {
		ProblemException problem = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
				"Invalid input", errors.size() == 1 ? errors.get(0).message()
						: errors.size() + " fields are invalid.");
		problem.with("errors", List.copyOf(errors));
		return problem;
	}

	public static ProblemException invalid(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	/** Adds an extension member to the problem document. */
	public ProblemException with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public HttpStatus status() {
		return status;
	}

	public String slug() {
		return slug;
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, getMessage());
		detail.setType(ProblemTypes.uri(slug));
		detail.setTitle(title);
		properties.forEach(detail::setProperty);
		return detail;
	}

	/** One invalid field: a JSON path such as {@code tiers[2].requirements[0].minWords}, and what is wrong. */
	public record FieldProblem(String field, String message) {
	}

	/** The type URIs, in one place so they stay stable. */
	public static final class ProblemTypes {

		private ProblemTypes() {
		}

		public static URI uri(String slug) {
			return URI.create("urn:cairn:problem:" + slug);
		}

	}

}
