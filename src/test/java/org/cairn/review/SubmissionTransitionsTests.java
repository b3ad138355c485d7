package org.cairn.review;

import java.util.ArrayList;
import java.util.List;

import org.cairn.review.Submission.Move;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.review.SubmissionState.PASSED;
import static org.cairn.review.SubmissionState.RETURNED;
import static org.cairn.review.SubmissionState.SUBMITTED;

/** A submission's life cycle as a table: no Spring, no store. */
class SubmissionTransitionsTests {

	@Test
	void theTableOfAllowedTransitionsIsExactlyTheLifeCycle() {
		List<String> allowed = new ArrayList<>();
		for (SubmissionState from : SubmissionState.values()) {
			for (SubmissionState to : SubmissionState.values()) {
				if (from.canMoveTo(to)) {
					allowed.add(from + " -> " + to);
				}
			}
		}
		assertThat(allowed).containsExactlyInAnyOrder("SUBMITTED -> PASSED", "SUBMITTED -> RETURNED",
				"RETURNED -> SUBMITTED");
		assertThat(PASSED.next()).as("a passed tier is final").isEmpty();
	}

	@Test
	void decidingPassesOrReturnsTheWaitingAttempt() {
		assertThat(Submission.decide(true)).isEqualTo(Move.PASS);
		assertThat(Submission.decide(false)).isEqualTo(Move.RETURN);
		assertThat(submission(SUBMITTED, 2).allows(Move.PASS, 2)).isTrue();
		assertThat(submission(SUBMITTED, 2).allows(Move.RETURN, 2)).isTrue();
	}

	@Test
	void aDecisionForAnEarlierAttemptOrADecidedSubmissionIsRefused() {
		// the assessor's screen showed attempt 1; the teacher has resubmitted since
		assertThat(submission(SUBMITTED, 2).allows(Move.PASS, 1)).isFalse();
		assertThat(submission(RETURNED, 1).allows(Move.RETURN, 1)).isFalse();
		assertThat(submission(PASSED, 1).allows(Move.PASS, 1)).isFalse();
	}

	@Test
	void onlyAReturnedTierIsResubmittedAndOnlyAWaitingOneReassigned() {
		assertThat(submission(RETURNED, 1).allows(Move.RESUBMIT, 1)).isTrue();
		assertThat(submission(SUBMITTED, 1).allows(Move.RESUBMIT, 1)).isFalse();
		assertThat(submission(PASSED, 1).allows(Move.RESUBMIT, 1)).isFalse();
		assertThat(submission(SUBMITTED, 1).allows(Move.REASSIGN, 1)).isTrue();
		assertThat(submission(RETURNED, 1).allows(Move.REASSIGN, 1)).isFalse();
		assertThat(Move.REASSIGN.to()).isEqualTo(SUBMITTED);
	}

	private static Submission submission(SubmissionState state, int attempt) {
		return new Submission("s1", "d1", "e1", "p1", "t1", "Title", "tier-1", "Tier 1", state, attempt, "a1", null,
				null, List.of());
	}

}
