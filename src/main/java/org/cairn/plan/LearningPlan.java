package org.cairn.plan;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A teacher's multi-year learning plan: goals tied to clusters, components or standards, each with the
 * microcredentials chosen for it and the school year it aims at. One per teacher (the id is the person's), kept
 * across the years; each submission and decision is kept in {@link PlanHistory}. The state moves DRAFT → SUBMITTED →
 * APPROVED or RETURNED; editing a returned or approved plan makes it a draft again (the next revision).
 *
 * @param firstYear the plan's first school year, {@code 2026-27}
 * @param years how many school years it spans (1-5)
 * @param revision raised by every change of the goals; a decision names the revision it approves
 * @param supervisorId who the plan was last submitted to
 */
@Document("plan_plans")
@CompoundIndex(name = "district_supervisor_state", def = "{'districtId': 1, 'supervisorId': 1, 'state': 1}")
@CompoundIndex(name = "district_submitted", def = "{'districtId': 1, 'submittedAt': -1}")
public record LearningPlan(@Id String id, String districtId, String personId, String firstYear, int years,
		List<Goal> goals, State state, int revision, String supervisorId, Instant submittedAt, String decidedBy,
		Instant decidedAt, String comment, Instant changedAt) {

	public LearningPlan {
		goals = goals == null ? List.of() : List.copyOf(goals);
	}

	public enum State {

		/** Being written. */
		DRAFT,
		/** With the supervisor. */
		SUBMITTED,
		/** Approved by the supervisor. */
		APPROVED,
		/** Sent back with a comment. */
		RETURNED

	}

	/**
	 * One goal.
	 *
	 * @param targets codes of the clusters, components or standards it grows ({@code FFT.3b})
	 * @param families the microcredentials chosen for it (template family ids)
	 * @param targetYear the school year it aims to be reached in ({@code 2027-28})
	 */
	public record Goal(@NotBlank @Size(max = 300) String statement,
			@NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 40) String> targets,
			@Size(max = 5) List<@NotBlank @Size(max = 64) String> families,
			@NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "a school year such as 2027-28") String targetYear) {

		public Goal {
			targets = targets == null ? List.of() : List.copyOf(targets);
			families = families == null ? List.of() : List.copyOf(families);
		}

	}

}
