package org.cairn.plan;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One step of a plan's history: submitted, approved or returned, with the goals as they stood. The id is
 * {@code <planId>:<revision>:<event>}, so a retried step is recorded once.
 */
@Document("plan_history")
@CompoundIndex(name = "plan_at", def = "{'planId': 1, 'at': 1}")
public record PlanHistory(@Id String id, String planId, String districtId, int revision, Event event, String byId,
		String byName, Instant at, String comment, String firstYear, int years, List<LearningPlan.Goal> goals) {

	public enum Event {
		SUBMITTED, APPROVED, RETURNED
	}

}
