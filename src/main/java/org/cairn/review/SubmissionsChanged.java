package org.cairn.review;

/**
 * Published after a tier of the district was submitted, resubmitted, reassigned or decided: figures kept about the
 * district's submissions (the reports) are out of date.
 */
public record SubmissionsChanged(String districtId) {
}
