package org.cairn.plan;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who approves the learning plans of a school's teachers (a principal, an instructional lead). The id is
 * {@code <districtId>:<school, lower case>}; the school {@code *} names the supervisor of every teacher whose school
 * has none (and of teachers with no school recorded).
 */
@Document("plan_supervisors")
record PlanSupervisor(@Id String id, String districtId, String school, String supervisorId, String setBy,
		Instant setAt) {

	static final String EVERY_SCHOOL = "*";

	static String idOf(String districtId, String school) {
		return districtId + ":" + school.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
