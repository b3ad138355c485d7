package org.cairn.notification;

/** What a notice is about; preferences are set per kind. */
public enum NoticeKind {

	PROPOSAL_DECIDED, SUBMISSION_ARRIVED, TIER_PASSED, TIER_RETURNED

}
