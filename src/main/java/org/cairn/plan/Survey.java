package org.cairn.plan;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's needs-assessment survey for a school year: written as a draft, opened for teachers to answer, closed.
 * Questions are frozen once it opens (answers are keyed by question).
 *
 * @param schoolYear the school year it asks about, {@code 2026-27}
 */
@Document("plan_surveys")
@CompoundIndex(name = "district_title", def = "{'districtId': 1, 'title': 1}", unique = true)
@CompoundIndex(name = "district_status", def = "{'districtId': 1, 'status': 1}")
public record Survey(@Id String id, String districtId, String title, String schoolYear, String intro,
		List<Question> questions, Status status, String createdBy, Instant createdAt, Instant openedAt,
		Instant closedAt) {

	public Survey {
		questions = questions == null ? List.of() : List.copyOf(questions);
	}

	public enum Status {

		/** Being written: questions may change, nobody answers yet. */
		DRAFT,
		/** Teachers answer (and change their answers). */
		OPEN,
		/** No more answers; results stay. */
		CLOSED

	}

	java.util.Optional<Question> question(String key) {
		return questions.stream().filter(q -> q.key().equals(key)).findFirst();
	}

}
