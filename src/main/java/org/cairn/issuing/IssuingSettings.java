package org.cairn.issuing;

import jakarta.validation.constraints.NotNull;

/** What a district admin chooses about issuing. */
record IssuingSettings(@NotNull VerificationMode defaultMode, boolean showStipend, boolean showHours) {
}
