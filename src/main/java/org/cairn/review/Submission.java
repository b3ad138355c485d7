package org.cairn.review;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One tier of one enrolment once submitted. Transitions are conditional updates on {@code state} and
 * {@code attempt}: two assessors deciding at once produce one decision.
 *
 * @param attempt the current attempt number (1 for the first submission)
 * @param assessorId who reviews the current attempt; null while nobody is eligible (an admin assigns)
 * @param attempts every attempt, oldest first, with scores and feedback
 */
@Document("submissions")
@CompoundIndexes({
		@CompoundIndex(name = "enrollment_tier", def = "{'enrollmentId': 1, 'tierKey': 1}", unique = true),
		@CompoundIndex(name = "queue", def = "{'districtId': 1, 'state': 1, 'submittedAt': 1}") })
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

}
