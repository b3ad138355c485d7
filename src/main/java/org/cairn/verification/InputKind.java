package org.cairn.verification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of input the verifier takes. */
enum InputKind {

	URL, JSON, JWS, PNG, SVG, PDF, UNKNOWN;

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
