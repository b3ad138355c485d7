package org.cairn.problem;

import java.util.Arrays;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Plain words for a request Cairn could not read. Built only from what the caller sent (field paths from the JSON,
 * the values an enum accepts), never from an exception's message: those name Java classes, Jackson features and
 * internal parameter names, which help an attacker map the server and confuse everyone else.
 */
final class InputMessages {

	private InputMessages() {
	}

	static String of(ServerWebInputException input) {
		if (ProblemHandling.cause(input, MissingRequestValueException.class) != null) {
			MissingRequestValueException missing = ProblemHandling.cause(input, MissingRequestValueException.class);
			return missing.getLabel().contains("body") ? "This request needs a JSON body."
					: "The request is missing the " + missing.getLabel() + " '" + missing.getName() + "'.";
		}
		UnrecognizedPropertyException unknown = ProblemHandling.cause(input, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return "The field '" + path(unknown, unknown.getPropertyName()) + "' is not one this request accepts.";
		}
		InvalidFormatException format = ProblemHandling.cause(input, InvalidFormatException.class);
		if (format != null) {
			Class<?> target = format.getTargetType();
			if (target != null && target.isEnum()) {
				return "The field '" + path(format, null) + "' must be one of: "
						+ Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
						+ ".";
			}
			return "The field '" + path(format, null) + "' has a value of the wrong kind.";
		}
		InvalidNullException empty = ProblemHandling.cause(input, InvalidNullException.class);
		if (empty != null) {
			return "The field '" + path(empty, null) + "' must not be null.";
		}
		MismatchedInputException mismatch = ProblemHandling.cause(input, MismatchedInputException.class);
		if (mismatch != null) {
			String path = path(mismatch, null);
			return path.isEmpty() ? "The request body is not the JSON this endpoint expects."
					: "The field '" + path + "' has a value of the wrong kind.";
		}
		if (ProblemHandling.cause(input, StreamReadException.class) != null) {
			return "The request body is not valid JSON.";
		}
		if (ProblemHandling.cause(input, JacksonException.class) != null) {
			return "The request body could not be read as JSON of the expected shape.";
		}
		TypeMismatchException mismatchedValue = ProblemHandling.cause(input, TypeMismatchException.class);
		if (mismatchedValue != null) {
			Object value = mismatchedValue.getValue();
			return "The value " + (value == null ? "" : "'" + printable(String.valueOf(value)) + "' ")
					+ "in the address or query is not valid here.";
		}
		if (input.getReason() != null && input.getReason().toLowerCase().contains("request body")) {
			return "This request needs a JSON body.";
		}
		return "The request could not be read.";
	}

	/** For a status the framework raised (routing, content negotiation): fixed words per status. */
	static String of(HttpStatus status, ServerWebExchange exchange) {
		return switch (status) {
			case NOT_FOUND -> "Nothing is at " + exchange.getRequest().getPath() + ".";
			case METHOD_NOT_ALLOWED -> "This address does not accept " + exchange.getRequest().getMethod() + ".";
			case UNSUPPORTED_MEDIA_TYPE -> "This endpoint does not accept that content type.";
			case NOT_ACCEPTABLE -> "This endpoint cannot answer in the format asked for.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case UNAUTHORIZED -> "Sign in first.";
			case FORBIDDEN -> "You are not allowed to do this.";
			default -> status.is5xxServerError() ? "The server could not complete the request."
					: "The request could not be read.";
		};
	}

	/** The JSON path of the failure ({@code tiers[2].key}), from the document the caller sent. */
	private static String path(JacksonException ex, String last) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (last != null && (path.isEmpty() || !path.toString().endsWith(last))) {
			path.append(path.isEmpty() ? "" : ".").append(last);
		}
		return printable(path.toString());
	}

	private static String printable(String text) {
		String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
		return cut.codePoints()
			.filter(c -> !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
