package org.cairn.openbadges;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A kind of achievement (spec "BadgeClass"). {@code assessment} carries the rubric through the Open Badges
 * Assessment Extension (serialized as {@code extensions:AssessmentExtension}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "@context", "type", "id", "name", "description", "image", "criteria", "issuer", "alignment",
		"tags", "version", "endorsement" })
public record BadgeClass(@JsonProperty("@context") String context, String type, String id, String name,
		String description, String image, Criteria criteria, String issuer, List<AlignmentObject> alignment,
		List<String> tags, String version,
		@JsonProperty("extensions:AssessmentExtension") AssessmentExtension assessment, List<String> endorsement) {

	public static BadgeClass of(String id, String name, String description, String image, Criteria criteria,
			String issuer, List<AlignmentObject> alignment, List<String> tags, String version,
			AssessmentExtension assessment) {
		return new BadgeClass(Conventions.CONTEXT_V2, Ob.BADGE_CLASS, id, name, description, image, criteria, issuer,
				alignment, tags, version, assessment, null);
	}

	/** The same badge class listing the endorsements its district accepted (spec "BadgeClass": endorsement). */
	public BadgeClass withEndorsement(List<String> urls) {
		return new BadgeClass(context, type, id, name, description, image, criteria, issuer, alignment, tags, version,
				assessment, urls.isEmpty() ? null : List.copyOf(urls));
	}

}
