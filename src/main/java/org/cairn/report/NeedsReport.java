package org.cairn.report;

import java.time.Instant;
import java.util.List;

/**
 * The district's needs (its latest survey's most-chosen clusters, components and standards) against what its
 * teachers plan, pursue and earn, by school. Survey figures follow the survey's small-group rule: a school with too
 * few answers is pooled, and a group too small to show has no survey figures ({@code chosen} null).
 *
 * @param survey null when the district has not opened a survey yet
 */
record NeedsReport(Survey survey, List<Need> needs, List<Row> groups, Instant generatedAt) {

	record Survey(String id, String title, String schoolYear, long respondents, int minGroupSize) {
	}

	record Need(String code, String label) {
	}

	/**
	 * One group: the district, a school, or the pooled small schools.
	 *
	 * @param schools the schools it holds
	 * @param teachers active teachers in it
	 * @param respondents teachers who answered the survey
	 * @param shown whether its survey figures may be shown
	 * @param cells one per need, in the order of {@code needs}
	 */
	record Row(String name, List<String> schools, long teachers, long respondents, boolean shown, List<Cell> cells) {
	}

	/**
	 * @param chosen teachers who chose the need in the survey; null when the group is too small to show
	 * @param planned teachers with a plan goal on it
	 * @param pursuing teachers enrolled (in any state but declined) in a microcredential serving it
	 * @param earned teachers holding a badge of a microcredential serving it
	 */
	record Cell(String code, Long chosen, long planned, long pursuing, long earned) {
	}

}
