package org.cairn.enrollment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A teacher working through one template version. State changes are conditional updates guarded by the current
 * state (never read-then-write), so a double click or two admins at once make one change.
 *
 * @param templateId the exact version started; later versions of the template do not affect it
 * @param activeKey {@code personId:familyId} while the enrolment counts, so a teacher holds one per
 * microcredential (unique); replaced by a unique tombstone when declined
 * @param budgetId the fiscal-year budget the stipends were committed against, once approved
 * @param committedCents what approval committed (the template's total stipend)
 */
@Document("enrollments")
@CompoundIndex(name = "district_person", def = "{'districtId': 1, 'personId': 1}")
@CompoundIndex(name = "district_started", def = "{'districtId': 1, 'startedAt': 1}")
@CompoundIndex(name = "district_state_proposed", def = "{'districtId': 1, 'state': 1, 'proposedAt': 1}")
public record Enrollment(@Id String id, @Indexed String districtId, String personId, String templateId,
		String familyId, String templateTitle, @Indexed(unique = true) String activeKey, EnrollmentState state,
		Proposal proposal, String decisionComment, String decidedBy, String budgetId, long committedCents,
		Instant startedAt, Instant proposedAt, Instant decidedAt, Instant completedAt) {

	/** Evidence may be added and tiers submitted. */
	public boolean isActive() {
		return state == EnrollmentState.ACTIVE;
	}

}
