package org.cairn.review;

import java.time.Instant;
import java.util.List;

/**
 * One submission of a tier and what became of it. Kept for every attempt, so a resubmission never loses the
 * earlier scores and feedback.
 *
 * @param evidenceIds the evidence as submitted (locked; later revisions create new evidence)
 * @param outcome null until decided
 */
public record Attempt(int number, Instant submittedAt, List<String> evidenceIds, String assessorId,
		Instant decidedAt, String decidedBy, Outcome outcome, List<Score> scores, String comment) {

	public Attempt {
		evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
		scores = scores == null ? List.of() : List.copyOf(scores);
	}

	Attempt decided(Instant at, String by, Outcome outcome, List<Score> scores, String comment) {
		return new Attempt(number, submittedAt, evidenceIds, assessorId, at, by, outcome, scores, comment);
	}

	public enum Outcome {

		PASS, RETURN

	}

}
