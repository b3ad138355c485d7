package org.cairn.openbadges;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A standard the badge aligns to (spec "AlignmentObject"; targetName and targetUrl are required). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AlignmentObject(String targetName, String targetUrl, String targetDescription, String targetFramework,
		String targetCode) {
}
