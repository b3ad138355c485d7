package org.cairn.report;

import java.time.Instant;
import java.util.List;

/**
 * Who takes part, grouped by school and by years of experience, so a district can see who is left out. Counts are
 * of active teachers.
 */
record ParticipationReport(Group district, List<Group> bySchool, List<Group> byExperience, Instant generatedAt) {

	/**
	 * @param name the school, or the experience band ({@code 0-2 years}, ...); {@code Not recorded} when unknown
	 * @param teachers active teachers in the group
	 * @param enrolled teachers with any enrolment that was not declined
	 * @param earning teachers with an approved enrolment (active or completed)
	 * @param passedATier teachers with at least one passed tier
	 * @param completed teachers who completed at least one microcredential
	 * @param notStarted teachers with no enrolment: who is left out
	 * @param participationPercent enrolled as a share of teachers, one decimal
	 * @param stipendCents stipends earned by the group's teachers
	 */
	record Group(String name, long teachers, long enrolled, long earning, long passedATier, long completed,
			long notStarted, double participationPercent, long stipendCents) {
	}

}
