package org.cairn.verification;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One named check in a report: the stable {@code id} for experts and clients, the {@code outcome}, the technical
 * {@code message}, and the {@code sentence} a person reads ("Issued by Cairn Demo District, whose key signed it.").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(CheckId id, Outcome outcome, String message, String sentence) {

	Check(CheckId id, Outcome outcome, String message) {
		this(id, outcome, message, null);
	}

	Check withSentence(String value) {
		return new Check(id, outcome, message, value);
	}

}
