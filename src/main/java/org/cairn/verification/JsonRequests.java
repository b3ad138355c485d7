package org.cairn.verification;

import java.util.List;
import java.util.Set;

import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON verification request ({@code {"url"|"assertion"|"jws": ..., "recipient": ...}}), refusing with the
 * problem a client gets for anything else: the one reading the endpoint and the remembered answers before the chain
 * ({@link RememberedAnswers}) share, so nothing the endpoint refuses is ever answered there.
 */
final class JsonRequests {

	/** A JSON request carries one assertion: far below the file limit. */
	static final int MAX_JSON = 1024 * 1024;

	private static final Set<String> FIELDS = Set.of("url", "assertion", "jws", "recipient");

	private static final int MAX_RECIPIENT = 320;

	private final JsonMapper json;

	JsonRequests(JsonMapper json) {
		this.json = json;
	}

	/** The request the body asks for; a {@link ProblemException} (400) when it is not one. */
	VerificationRequest read(byte[] body) {
		JsonNode envelope;
		try {
			envelope = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw ProblemException.of(CommonProblem.MALFORMED_REQUEST, "malformed-request-2");
		}
		if (envelope == null || !envelope.isObject()) {
			throw ProblemException.of(CommonProblem.MALFORMED_REQUEST, "malformed-request-3");
		}
		for (String name : envelope.propertyNames()) {
			if (!FIELDS.contains(name)) {
				throw ProblemException.of(CommonProblem.MALFORMED_REQUEST, "malformed-request-4", Verifier.abbreviate(name));
			}
		}
		List<String> given = FIELDS.stream().filter(f -> !f.equals("recipient") && envelope.hasNonNull(f)).toList();
		if (given.size() != 1) {
			throw given.isEmpty() ? nothing()
					: ProblemException.of(VerificationProblem.VERIFICATION_INPUT, "verification-input-2");
		}
		JsonNode recipientNode = envelope.get("recipient");
		if (recipientNode != null && !recipientNode.isNull() && !recipientNode.isString()) {
			throw ProblemException.invalid("recipient", "must be a string (the recipient's email)");
		}
		String recipient = recipient(recipientNode == null || recipientNode.isNull() ? null : recipientNode.asString());
		String field = given.get(0);
		JsonNode value = envelope.get(field);
		if (field.equals("assertion")) {
			return VerificationRequest.assertion(value.isString() ? value.asString() : json.writeValueAsString(value), recipient);
		}
		if (!value.isString()) {
			throw ProblemException.invalid(field, "must be a string");
		}
		return field.equals("url") ? VerificationRequest.url(value.asString(), recipient)
				: VerificationRequest.jws(value.asString(), recipient);
	}

	/** The recipient's email as given (stripped), null when none; 400 when longer than an email can be. */
	static String recipient(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_RECIPIENT) {
			throw ProblemException.invalid("recipient", "must be at most " + MAX_RECIPIENT + " characters");
		}
		return value.strip();
	}

	static ProblemException nothing() {
		return ProblemException.of(VerificationProblem.VERIFICATION_INPUT, "verification-input-3");
	}

}
