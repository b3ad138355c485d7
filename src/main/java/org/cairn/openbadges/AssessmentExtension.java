package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Open Badges Assessment Extension 1.0 (extensions/assessmentExtension): how the badge is assessed, with the
 * rubric (criteria and their levels). Identifiers are lower-case UUIDs as its schema requires.
 */
@JsonPropertyOrder({ "@context", "type", "description", "assessments" })
public record AssessmentExtension(@JsonProperty("@context") String context, List<String> type, String description,
		List<Assessment> assessments) {

	public static final String CONTEXT = "https://purl.imsglobal.org/spec/ob-assessment/v1p0/context/";

	public static AssessmentExtension of(String description, List<Assessment> assessments) {
		return new AssessmentExtension(CONTEXT, List.of("Extension", "extensions:AssessmentExtension"), description,
				List.copyOf(assessments));
	}

	/** One assessment; {@code type} is {@code Performance} or {@code Artifact} for classroom evidence. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Assessment(String type, String description, String assessmentOutput, boolean hasGroupParticipation,
			boolean hasGroupEvaluation, String evaluationMethod, List<Rubric> rubrics) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Rubric(String identifier, String title, List<Criterion> rubricCriteria) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Criterion(String identifier, String description, Integer position, List<Level> criterionLevels) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Level(String identifier, String quality, String description, Integer position) {
	}

}
