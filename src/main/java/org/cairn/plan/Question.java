package org.cairn.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One question of a survey.
 *
 * @param key stable within the survey ({@code q1}); answers name it
 * @param kind a scale of 1 to 5, or a choice among clusters, components or standards
 * @param lowLabel what 1 means on a scale ("Not confident"); null for choices
 * @param highLabel what 5 means on a scale ("Very confident"); null for choices
 * @param maxChoices how many a teacher may choose (1-5); ignored on a scale
 */
public record Question(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+") String key,
		@NotBlank @Size(max = 300) String text, @NotNull Kind kind, @Size(max = 60) String lowLabel,
		@Size(max = 60) String highLabel, @Min(1) @Max(5) int maxChoices) {

	/** What a question asks for. */
	public enum Kind {

		/** A number from 1 to 5. */
		SCALE,
		/** Danielson's six clusters. */
		CLUSTERS,
		/** Danielson's 22 components. */
		COMPONENTS,
		/** Learning Forward's standards (2011 and 2022). */
		STANDARDS;

		boolean choice() {
			return this != SCALE;
		}

	}

}
