package org.cairn.enrollment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An admin's decision on a proposal; returning or declining needs a comment. */
public record ProposalDecision(@NotNull Outcome decision, @Size(max = 4000) String comment) {

	public enum Outcome {

		APPROVE, RETURN, DECLINE

	}

}
