package org.cairn.verification;

import java.util.List;

/**
 * What an input yields: the kind detected, the badge content (a URL, assertion JSON or compact JWS) or why none
 * could be taken out, and for images what is wrong with the image itself.
 */
record Extracted(InputKind kind, String content, String failure, List<String> imageProblems) {

	static Extracted of(InputKind kind, String content) {
		return new Extracted(kind, content, null, List.of());
	}

	static Extracted failed(InputKind kind, String failure) {
		return new Extracted(kind, null, failure, List.of());
	}

	boolean image() {
		return kind == InputKind.PNG || kind == InputKind.SVG || kind == InputKind.PDF;
	}

}
