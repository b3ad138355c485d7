package org.cairn.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** One rubric criterion of one requirement, scored at a level of the template's scale (0 = lowest). */
public record Score(@NotBlank @Size(max = 100) String requirementKey, @NotBlank @Size(max = 100) String criterionKey,
		@PositiveOrZero int level, @Size(max = 4000) String feedback) {
}
