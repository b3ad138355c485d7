package org.cairn.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.plan.*}.
 *
 * @param minGroupSize the fewest answers a group (a school, the district) needs before its survey figures are shown:
 * smaller schools are pooled so no teacher's answers can be picked out
 */
@ConfigurationProperties("cairn.plan")
record PlanProperties(@DefaultValue("5") int minGroupSize) {

	PlanProperties {
		minGroupSize = Math.max(1, minGroupSize);
	}

}
