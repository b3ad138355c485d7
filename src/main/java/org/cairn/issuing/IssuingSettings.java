package org.cairn.issuing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a district admin chooses about issuing.
 *
 * @param signatoryName who signs the certificates (e.g. the superintendent), or null for no signature line
 * @param signatoryTitle their title as printed under the name
 */
record IssuingSettings(@NotNull VerificationMode defaultMode, boolean showStipend, boolean showHours,
		@Size(max = 120) String signatoryName, @Size(max = 120) String signatoryTitle) {

	IssuingSettings {
		signatoryName = blankToNull(signatoryName);
		signatoryTitle = blankToNull(signatoryTitle);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
