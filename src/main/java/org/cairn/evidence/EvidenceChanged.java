package org.cairn.evidence;

/**
 * Published after evidence of the district was saved or a draft deleted: figures kept about who started which tier
 * (the reports) are out of date.
 */
public record EvidenceChanged(String districtId) {
}
