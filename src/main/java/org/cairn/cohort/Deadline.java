package org.cairn.cohort;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A due date of a cohort: for a whole tier (section), or for one task (requirement) of it when {@code taskKey} is
 * set. Work is due by the end of that day in the district's time zone.
 */
public record Deadline(@NotBlank @Size(max = 64) String tierKey, @Size(max = 64) String taskKey,
		@NotNull LocalDate dueOn) {

	/** Whether this is a tier's own due date (not a task's). */
	boolean forTier() {
		return taskKey == null || taskKey.isBlank();
	}

}
