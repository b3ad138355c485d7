package org.cairn.enrollment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.cairn.enrollment.Enrollment.Move;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.enrollment.EnrollmentState.ACTIVE;
import static org.cairn.enrollment.EnrollmentState.APPROVING;
import static org.cairn.enrollment.EnrollmentState.COMPLETED;
import static org.cairn.enrollment.EnrollmentState.DECLINED;
import static org.cairn.enrollment.EnrollmentState.PROPOSED;
import static org.cairn.enrollment.EnrollmentState.PROPOSING;
import static org.cairn.enrollment.EnrollmentState.RETURNED;

/** The enrolment life cycle as a table: no Spring, no store. */
class EnrollmentTransitionsTests {

	@Test
	void theTableOfAllowedTransitionsIsExactlyTheLifeCycle() {
		List<String> allowed = new ArrayList<>();
		for (EnrollmentState from : EnrollmentState.values()) {
			for (EnrollmentState to : EnrollmentState.values()) {
				if (from.canMoveTo(to)) {
					allowed.add(from + " -> " + to);
				}
			}
		}
		assertThat(allowed).containsExactlyInAnyOrder("PROPOSING -> PROPOSED", "RETURNED -> PROPOSED",
				"PROPOSED -> APPROVING", "PROPOSED -> RETURNED", "PROPOSED -> DECLINED", "APPROVING -> ACTIVE",
				"APPROVING -> PROPOSED", "ACTIVE -> COMPLETED");
	}

	@Test
	void declinedAndCompletedAreFinal() {
		assertThat(DECLINED.next()).isEmpty();
		assertThat(COMPLETED.next()).isEmpty();
	}

	@Test
	void everyAllowedTransitionIsMadeBySomeMoveAndNoMoveLeavesTheTable() {
		List<String> made = new ArrayList<>();
		for (Move move : Move.values()) {
			for (EnrollmentState from : move.from()) {
				assertThat(from.canMoveTo(move.to())).as(move.name()).isTrue();
				made.add(from + " -> " + move.to());
			}
		}
		assertThat(made).containsExactlyInAnyOrder("PROPOSING -> PROPOSED", "RETURNED -> PROPOSED",
				"PROPOSED -> APPROVING", "PROPOSED -> RETURNED", "PROPOSED -> DECLINED", "APPROVING -> ACTIVE",
				"APPROVING -> PROPOSED", "ACTIVE -> COMPLETED");
	}

	@Test
	void aTeacherProposesOnlyWhileWritingOrAfterAReturn() {
		assertThat(statesAllowing(Move.PROPOSE)).containsExactlyInAnyOrder(PROPOSING, RETURNED);
		// in particular not while an admin's approval holds it: that would undo the approval under way
		assertThat(enrollment(APPROVING).allows(Move.PROPOSE)).isFalse();
	}

	@Test
	void onlyAWaitingProposalIsApprovedReturnedOrDeclined() {
		for (Move decision : List.of(Move.CLAIM_APPROVAL, Move.RETURN, Move.DECLINE)) {
			assertThat(statesAllowing(decision)).as(decision.name()).containsExactly(PROPOSED);
		}
	}

	@Test
	void theBudgetCommitEndsTheClaimEitherWay() {
		assertThat(statesAllowing(Move.ACTIVATE)).containsExactly(APPROVING);
		assertThat(statesAllowing(Move.RELEASE_CLAIM)).containsExactly(APPROVING);
		assertThat(Move.RELEASE_CLAIM.to()).isEqualTo(PROPOSED);
	}

	@Test
	void onlyAnActiveEnrollmentCompletes() {
		assertThat(statesAllowing(Move.COMPLETE)).containsExactly(ACTIVE);
	}

	private static EnumSet<EnrollmentState> statesAllowing(Move move) {
		EnumSet<EnrollmentState> states = EnumSet.noneOf(EnrollmentState.class);
		for (EnrollmentState state : EnrollmentState.values()) {
			if (enrollment(state).allows(move)) {
				states.add(state);
			}
		}
		return states;
	}

	private static Enrollment enrollment(EnrollmentState state) {
		return new Enrollment("e1", "d1", "p1", "t1", "f1", "Title", "p1:f1", state, null, null, null, null, 0, null,
				null, null, null);
	}

}
