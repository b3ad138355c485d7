package org.cairn.notification;

/** What a notice is about; preferences are set per kind. */
public enum NoticeKind {

	PROPOSAL_DECIDED, SUBMISSION_ARRIVED, TIER_PASSED, TIER_RETURNED,
	/** A badge of mine expires soon (at the district's reminder days before). */
	BADGE_EXPIRING,
	/** Work of mine in a cohort is due soon (at the cohort's reminder days before its due date). */
	WORK_DUE,
	/** My district enrolled me in a cohort. */
	COHORT_ENROLLED,
	/** A teacher I supervise submitted their learning plan. */
	PLAN_SUBMITTED,
	/** My supervisor approved or returned my learning plan. */
	PLAN_DECIDED,
	/** To the district's administrators: an earned salary increase's later years could not all be funded. */
	PAY_UNBUDGETED

}
