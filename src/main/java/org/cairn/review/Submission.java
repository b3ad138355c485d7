package org.cairn.review;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One tier of one enrolment once submitted. Each change is a {@link Move} this aggregate allows (the table is
 * {@link SubmissionState#canMoveTo}); {@code Reviews} applies it as one conditional update on {@code state} and
 * {@code attempt}: two assessors deciding at once produce one decision.
 *
 * @param attempt the current attempt number (1 for the first submission)
 * @param assessorId who reviews the current attempt; null while nobody is eligible (an admin assigns)
 * @param attempts every attempt, oldest first, with scores and feedback
 */
@Document("submissions")
@CompoundIndexes({
		@CompoundIndex(name = "enrollment_tier", def = "{'enrollmentId': 1, 'tierKey': 1}", unique = true),
		@CompoundIndex(name = "queue", def = "{'districtId': 1, 'state': 1, 'submittedAt': 1}"),
		// an assessor's queue: their waiting submissions in order, not the district's read until 50 of theirs turn up
		@CompoundIndex(name = "assessor_queue", def = "{'assessorId': 1, 'state': 1, 'submittedAt': 1}") })
public record Submission(@Id String id, String districtId, String enrollmentId, String personId, String templateId,
		String templateTitle, String tierKey, String tierTitle, SubmissionState state, int attempt,
		String assessorId, Instant submittedAt, Instant decidedAt, List<Attempt> attempts) {

	public Submission {
		attempts = attempts == null ? List.of() : List.copyOf(attempts);
	}

	public Attempt current() {
		return attempts.get(attempts.size() - 1);
	}

	/** Evidence of this tier may change: never submitted, or returned for revision. */
	public boolean editable() {
		return state == SubmissionState.RETURNED;
	}

	/** Whether this submission, as it stands, may make the move (its current attempt is the one the move is for). */
	public boolean allows(Move move, int forAttempt) {
		return attempt == forAttempt && move.from() == state;
	}

	/** Where deciding the current attempt takes the submission: passed, or returned for revision. */
	public static Move decide(boolean passes) {
		return passes ? Move.PASS : Move.RETURN;
	}

	/** The changes a submission goes through, each from the one state it may start in. */
	public enum Move {

		/** The assessor passes the attempt; the tier's evidence is final. */
		PASS(SubmissionState.SUBMITTED, SubmissionState.PASSED),
		/** The assessor returns the attempt for revision. */
		RETURN(SubmissionState.SUBMITTED, SubmissionState.RETURNED),
		/** The teacher submits the revised tier: a new attempt. */
		RESUBMIT(SubmissionState.RETURNED, SubmissionState.SUBMITTED),
		/** An admin picks another assessor for the waiting attempt; the state stays. */
		REASSIGN(SubmissionState.SUBMITTED, SubmissionState.SUBMITTED);

		private final SubmissionState from;

		private final SubmissionState to;

		Move(SubmissionState from, SubmissionState to) {
			if (from != to && !from.canMoveTo(to)) {
				throw new IllegalStateException(name() + ": " + from + " may not move to " + to);
			}
			this.from = from;
			this.to = to;
		}

		public SubmissionState from() {
			return from;
		}

		public SubmissionState to() {
			return to;
		}

	}

}
