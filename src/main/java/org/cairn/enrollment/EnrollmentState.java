package org.cairn.enrollment;

/**
 * Where an enrolment stands. Proposal templates go PROPOSING → PROPOSED → (APPROVING) → ACTIVE, or back to
 * RETURNED for edits, or DECLINED; templates without a proposal start ACTIVE. COMPLETED once the last tier passes.
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
	COMPLETED

}
