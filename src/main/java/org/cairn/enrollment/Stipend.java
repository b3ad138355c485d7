package org.cairn.enrollment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Money earned by passing a tier, for payroll.
 *
 * @param id {@code enrollmentId:tierKey}, so a retried pass records it once
 * @param fundingSource where it is paid from (Title II-A, State, District)
 */
@Document("stipends")
@CompoundIndex(name = "district_earned", def = "{'districtId': 1, 'earnedAt': 1}")
public record Stipend(@Id String id, String districtId, String personId, String enrollmentId, String templateId,
		String templateTitle, String tierKey, String tierTitle, long cents, String fundingSource, String fiscalYear,
		Instant earnedAt) {
}
