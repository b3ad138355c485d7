package org.cairn.report;

import java.time.Instant;
import java.util.List;

/**
 * How one microcredential is going, over every version of it (a republished version does not reset the figures).
 *
 * @param enrollments enrolments by where they stand
 * @param tiers the tiers of the requested version, in order
 * @param medianHoursToDecision over every decided attempt of every tier; null before the first decision
 * @param funnel enrolled, approved, each tier submitted and passed, completed: how many got that far
 */
record TemplateReport(String templateId, String familyId, String title, List<Integer> versions,
		Enrollments enrollments, List<TierFigures> tiers, Double medianHoursToDecision, List<FunnelStep> funnel,
		Instant generatedAt) {

	/**
	 * @param total every enrolment, declined ones too
	 * @param awaitingApproval proposed (or being approved) and waiting for an admin
	 * @param returned proposals sent back for changes
	 * @param active approved and working through the tiers
	 */
	record Enrollments(long total, long proposing, long awaitingApproval, long returned, long declined, long active,
			long completed) {
	}

	/**
	 * One tier. Counts are of enrolments, so a tier returned twice counts once in {@code returned}.
	 *
	 * @param started enrolments with any evidence saved for the tier, or that submitted it
	 * @param submitted enrolments that submitted the tier at least once
	 * @param returned enrolments whose tier was returned for revision at least once
	 * @param passed enrolments whose tier passed
	 * @param waiting submitted and waiting for a decision now
	 * @param decisions decided attempts (passes and returns)
	 * @param medianHoursToDecision median time from an attempt's submission to its decision; null before any
	 */
	record TierFigures(String key, String title, long started, long submitted, long returned, long passed,
			long waiting, long decisions, Double medianHoursToDecision) {
	}

	/** @param percentOfEnrolled rounded to one decimal; 0 when nobody enrolled */
	record FunnelStep(String step, long count, double percentOfEnrolled) {
	}

}
