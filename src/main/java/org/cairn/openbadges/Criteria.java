package org.cairn.openbadges;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How to earn the badge (spec "Criteria"): a public criteria page and the narrative (Markdown). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Criteria(String id, String narrative) {
}
