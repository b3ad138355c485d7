package org.cairn.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A teacher's answers to one survey. The id is {@code <surveyId>:<personId>}, so answering again (a retry, a
 * change of mind while the survey is open) replaces the one answer, never adds a second.
 *
 * @param answers question key to the answer
 */
@Document("plan_survey_answers")
@CompoundIndex(name = "survey", def = "{'surveyId': 1}")
public record SurveyAnswer(@Id String id, String surveyId, String districtId, String personId, Map<String, Answer> answers,
		Instant answeredAt, Instant changedAt) {

	static String idOf(String surveyId, String personId) {
		return surveyId + ":" + personId;
	}

	/**
	 * One answer: a level on a scale, or the codes chosen.
	 *
	 * @param level 1-5 on a scale question; null otherwise
	 * @param choices entry codes ({@code FFT.C2}, {@code FFT.3b}, {@code LF2011.DATA}) on a choice question
	 */
	public record Answer(Integer level, List<String> choices) {

		public Answer {
			choices = choices == null ? List.of() : List.copyOf(choices);
		}

	}

}
