package org.cairn.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A microcredential run for a group of teachers over a window (a school year): its due dates, the rule for late
 * work, how many days before a due date its members are reminded, and the evaluator who reviews their work.
 *
 * @param templateId the published version the members are enrolled in
 * @param acceptLate whether a tier may still be submitted for the first time after its due date
 * @param reminderDays days before a due date that members are reminded (each once), largest first
 * @param evaluatorId the assessor who reviews every member's submissions
 */
@Document("cohorts")
@CompoundIndex(name = "district_opens", def = "{'districtId': 1, 'opensOn': -1}")
@CompoundIndex(name = "closes", def = "{'closesOn': 1}")
@CompoundIndex(name = "district_name", def = "{'districtId': 1, 'name': 1}", unique = true)
public record Cohort(@Id String id, String districtId, String name, String templateId, String templateTitle,
		LocalDate opensOn, LocalDate closesOn, List<Deadline> deadlines, boolean acceptLate, List<Integer> reminderDays,
		String evaluatorId, String createdBy, Instant createdAt) {

	public Cohort {
		deadlines = deadlines == null ? List.of()
				: deadlines.stream().sorted(Comparator.comparing(Deadline::dueOn)).toList();
		reminderDays = reminderDays == null ? List.of()
				: reminderDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
	}

	/**
	 * The date by which a tier must be submitted: its own due date, or else the last of its tasks' dates; empty when
	 * the cohort sets none for it (no deadline).
	 */
	Optional<LocalDate> tierDue(String tierKey) {
		Optional<LocalDate> own = deadlines.stream()
			.filter(d -> d.tierKey().equals(tierKey) && d.forTier())
			.map(Deadline::dueOn)
			.findFirst();
		return own.or(() -> deadlines.stream()
			.filter(d -> d.tierKey().equals(tierKey))
			.map(Deadline::dueOn)
			.max(Comparator.naturalOrder()));
	}

	/** The first instant after a due day, in the district's zone: work submitted from then on is late. */
	static Instant endOf(LocalDate day, ZoneId zone) {
		return day.plusDays(1).atStartOfDay(zone).toInstant();
	}

}
