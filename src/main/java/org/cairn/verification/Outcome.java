package org.cairn.verification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A check's result: only {@code failed} makes a badge invalid; {@code warning} is shown but does not. */
public enum Outcome {

	PASSED, WARNING, FAILED, SKIPPED;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
