package org.cairn.openbadges;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Published evidence of achievement (spec "Evidence"). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Evidence(String id, String name, String narrative, String description, String genre) {
}
