package org.cairn.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the caller can act on. Features throw (or {@code Mono.error}) these; {@link ProblemHandling} writes
 * them as {@code application/problem+json}. The {@link ProblemType} is stable API: clients switch on it.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final ProblemType type;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ProblemException(ProblemType type, String title, String detail) {
		this(type, type.status(), title, detail);
	}

	/** Only for answers the web layer chose the status of itself (any 4xx or 5xx it maps). */
	ProblemException(ProblemType type, HttpStatus status, String title, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
	}

	/** A resource that does not exist, or that the caller may not know exists (other districts' data). */
	public static ProblemException notFound(String what) {
		return new ProblemException(CommonProblem.NOT_FOUND, "Not found", what + " was not found.");
	}

	public static ProblemException forbidden(String detail) {
		return new ProblemException(CommonProblem.FORBIDDEN, "Not allowed", detail);
	}

	/** Invalid input, listing every error at once so a form can show each next to its field. */
	public static ProblemException invalid(List<FieldProblem> errors) {
		ProblemException problem = new ProblemException(CommonProblem.VALIDATION, "Invalid input",
				errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid.");
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

	public ProblemType type() {
		return type;
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, getMessage());
		detail.setType(type.uri());
		detail.setTitle(title);
		properties.forEach(detail::setProperty);
		return detail;
	}

	/** One invalid field: a JSON path such as {@code tiers[2].requirements[0].minWords}, and what is wrong. */
	public record FieldProblem(String field, String message) {
	}

}
