package org.cairn.enrollment;

import java.time.Instant;
import java.time.LocalDate;

import org.cairn.template.Pay;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Pay other than a one-time stipend earned by passing a tier: a base-salary increase (payroll pays it every year from
 * its effective date), release time or course credit (HR records them). One-time stipends stay {@link Stipend}s.
 *
 * @param id {@code enrollmentId:tierKey}, so a retried pass records it once
 * @param pay the tier's pay as it was when earned (the template version the teacher enrolled in)
 * @param effectiveOn a salary increase's first day, in the district's calendar; null for other kinds
 * @param fiscalYear the fiscal year it was earned in
 */
@Document("pay_records")
@CompoundIndex(name = "district_earned", def = "{'districtId': 1, 'earnedAt': 1}")
public record PayRecord(@Id String id, String districtId, String personId, String enrollmentId, String templateId,
		String templateTitle, String tierKey, String tierTitle, Pay pay, LocalDate effectiveOn, String fiscalYear,
		Instant earnedAt) {
}
