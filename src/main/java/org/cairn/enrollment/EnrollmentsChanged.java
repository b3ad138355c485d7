package org.cairn.enrollment;

/**
 * Published after an enrolment of the district was started, moved to another state or paid a stipend: figures kept
 * about the district's enrolments (the reports) are out of date.
 */
public record EnrollmentsChanged(String districtId) {
}
