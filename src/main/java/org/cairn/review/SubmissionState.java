package org.cairn.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * A submitted tier: waiting for its assessor, returned for revision, or passed (final). {@link #canMoveTo} is the
 * table of allowed transitions; {@link Submission.Move} names each one the service makes.
 */
public enum SubmissionState {

	SUBMITTED, RETURNED, PASSED;

	/** The states this one may move to; PASSED is final. */
	public Set<SubmissionState> next() {
		return switch (this) {
			case SUBMITTED -> EnumSet.of(PASSED, RETURNED);
			case RETURNED -> EnumSet.of(SUBMITTED);
			case PASSED -> EnumSet.noneOf(SubmissionState.class);
		};
	}

	public boolean canMoveTo(SubmissionState target) {
		return next().contains(target);
	}

}
