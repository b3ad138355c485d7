package org.cairn.cohort;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A teacher in a cohort, with the enrolment the cohort runs. The id is {@code <cohortId>:<personId>}, so enrolling
 * the same list twice (a retry, two admins) adds each teacher once.
 *
 * @param invited true when the teacher had no account and was invited when enrolled
 */
@Document("cohort_members")
@CompoundIndex(name = "cohort_person", def = "{'cohortId': 1, 'personId': 1}")
@CompoundIndex(name = "district_person", def = "{'districtId': 1, 'personId': 1}")
record CohortMember(@Id String id, String cohortId, String districtId, String personId,
		@Indexed String enrollmentId, boolean invited, Instant joinedAt) {

	static String idOf(String cohortId, String personId) {
		return cohortId + ":" + personId;
	}

}
