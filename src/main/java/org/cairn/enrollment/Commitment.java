package org.cairn.enrollment;

/**
 * What an approved enrolment holds against one fiscal year's budget for one tier's pay.
 *
 * @param tierKey the tier whose pay it is
 * @param fiscalYear e.g. {@code FY2027}
 * @param cents committed for that year
 */
public record Commitment(String tierKey, String fiscalYear, long cents) {
}
