package org.cairn.enrollment;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a teacher proposes to learn and do.
 *
 * @param sources at least two sources of new learning (Parkway: one may be an event, one a published text)
 */
public record Proposal(@NotBlank @Size(min = 3, max = 200) String topic,
		@Size(min = 2, max = 10, message = "name at least two sources of new learning (at most ten)") List<@NotBlank @Size(
				max = 500) String> sources,
		@NotBlank @Size(min = 20, max = 5000) String plan) {

	public Proposal {
		sources = sources == null ? List.of() : List.copyOf(sources);
	}

}
