package org.cairn.review;

/** A submitted tier: waiting for its assessor, returned for revision, or passed (final). */
public enum SubmissionState {

	SUBMITTED, RETURNED, PASSED

}
