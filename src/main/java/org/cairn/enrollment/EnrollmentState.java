package org.cairn.enrollment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an enrolment stands. Proposal templates go PROPOSING → PROPOSED → (APPROVING) → ACTIVE, or back to
 * RETURNED for edits, or DECLINED; templates without a proposal start ACTIVE. COMPLETED once the last tier passes.
 * {@link #canMoveTo} is the table of allowed transitions; {@link Enrollment.Move} names each one the service makes.
 */
public enum EnrollmentState {

	/** The teacher is writing the proposal. */
	PROPOSING,
	/** Waiting for a district admin. */
	PROPOSED,
	/** An admin's approval holds the enrolment while the budget is committed. */
	APPROVING,
	/** Sent back to the teacher with a comment. */
	RETURNED,
	DECLINED,
	/** Approved (or needing no approval): evidence may be submitted. */
	ACTIVE,
	COMPLETED;

	/** The states this one may move to; DECLINED and COMPLETED are final. */
	public Set<EnrollmentState> next() {
		return switch (this) {
			case PROPOSING, RETURNED -> EnumSet.of(PROPOSED);
			case PROPOSED -> EnumSet.of(APPROVING, RETURNED, DECLINED);
			// the budget commit either succeeds or hands the proposal back
			case APPROVING -> EnumSet.of(ACTIVE, PROPOSED);
			case ACTIVE -> EnumSet.of(COMPLETED);
			case DECLINED, COMPLETED -> EnumSet.noneOf(EnrollmentState.class);
		};
	}

	public boolean canMoveTo(EnrollmentState target) {
		return next().contains(target);
	}

}
