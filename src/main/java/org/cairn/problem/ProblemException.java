package org.cairn.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.cairn.language.Language;
import org.cairn.language.Message;

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

	/** The catalogue key ({@code problem.<key>.title}, {@code .detail}); null: title and detail are as given. */
	private final String key;

	private final Object[] args;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	/** A problem in English only; prefer {@link #of}, which the caller's language can be written in. */
	public ProblemException(ProblemType type, String title, String detail) {
		this(type, type.status(), title, detail);
	}

	/** Only for answers the web layer chose the status of itself (any 4xx or 5xx it maps). */
	ProblemException(ProblemType type, HttpStatus status, String title, String detail) {
		this(type, status, title, detail, null, null);
	}

	private ProblemException(ProblemType type, HttpStatus status, String title, String detail, String key,
			Object[] args) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.key = key;
		this.args = args;
	}

	/**
	 * A problem whose title and detail are the catalogue's {@code problem.<key>.title} and {@code problem.<key>.detail}
	 * ({@code i18n/problems.properties}, English; {@code _es} Spanish), written in the caller's language
	 * ({@code Accept-Language}) when answered. The arguments fill {@code {0}}, {@code {1}}, ... as
	 * {@code String.valueOf} writes them.
	 */
	public static ProblemException of(ProblemType type, String key, Object... args) {
		return of(type, type.status(), key, args);
	}

	static ProblemException of(ProblemType type, HttpStatus status, String key, Object... args) {
		Object[] written = java.util.Arrays.stream(args).map(String::valueOf).toArray();
		return new ProblemException(type, status, Language.EN.text("problem." + key + ".title", written),
				Language.EN.text("problem." + key + ".detail", written), key, written);
	}

	/** A resource that does not exist, or that the caller may not know exists (other districts' data). */
	public static ProblemException notFound(String what) {
		return of(CommonProblem.NOT_FOUND, "not-found", what);
	}

	public static ProblemException forbidden(String detail) {
		return of(CommonProblem.FORBIDDEN, "forbidden", detail);
	}

	/** Invalid input, listing every error at once so a form can show each next to its field. */
	public static ProblemException invalid(List<FieldProblem> errors) {
		ProblemException problem = errors.size() == 1 ? of(CommonProblem.VALIDATION, "validation-one",
				errors.get(0).message()) : of(CommonProblem.VALIDATION, "validation", errors.size());
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

	/** The problem in English. */
	public ProblemDetail toProblemDetail() {
		return toProblemDetail(Language.EN);
	}

	/** The problem in this language (in English where it was given as English text). */
	public ProblemDetail toProblemDetail(Language language) {
		boolean written = key != null && language != Language.EN;
		Object[] said = args;
		Object errors = properties.get("errors");
		List<?> translated = errors instanceof List<?> list && language != Language.EN ? list.stream()
			.map(e -> e instanceof FieldProblem problem ? problem.in(language) : e)
			.toList() : null;
		if (translated != null && translated.size() == 1 && translated.get(0) instanceof FieldProblem one
				&& errors instanceof List<?> list && list.get(0) instanceof FieldProblem english && args != null) {
			// the one field's message is part of the detail: in the same language as the list
			said = java.util.Arrays.stream(args).map(a -> english.message().equals(a) ? one.message() : a).toArray();
		}
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status,
				written ? language.text("problem." + key + ".detail", said) : getMessage());
		detail.setType(type.uri());
		detail.setTitle(written ? language.text("problem." + key + ".title", said) : title);
		properties.forEach(detail::setProperty);
		if (translated != null) {
			detail.setProperty("errors", translated);
		}
		return detail;
	}

	/**
	 * One invalid field: a JSON path such as {@code tiers[2].requirements[0].minWords}, and what is wrong.
	 *
	 * @param said the message as a catalogue text, when it has one ({@link #of}): the problem is then answered in
	 * the caller's language; null for a message given in English only
	 */
	public record FieldProblem(String field, String message, @JsonIgnore Message said) {

		public FieldProblem(String field, String message) {
			this(field, message, null);
		}

		/**
		 * A problem whose words are the catalogue's text under {@code key} ({@code message} is the English), each
		 * argument written as {@code String.valueOf} writes it (so a limit reads "20000", as the field takes it).
		 */
		public static FieldProblem of(String field, String key, Object... args) {
			Message said = Message.of(key, java.util.Arrays.stream(args).map(String::valueOf).toArray());
			return new FieldProblem(field, said.in(Language.EN), said);
		}

		/** The same problem under another field path (a template inside an export: {@code template.title}). */
		public FieldProblem under(String prefix) {
			return new FieldProblem(prefix + field, message, said);
		}

		/** The problem as a reader of the language reads it. */
		public FieldProblem in(Language language) {
			return said == null || language == Language.EN ? this : new FieldProblem(field, said.in(language), said);
		}

		/** The same problem: the same field and the same (English) words, however they were made. */
		@Override
		public boolean equals(Object other) {
			return other instanceof FieldProblem that && java.util.Objects.equals(field, that.field)
					&& java.util.Objects.equals(message, that.message);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(field, message);
		}

		@Override
		public String toString() {
			return field + ": " + message;
		}

	}

}
