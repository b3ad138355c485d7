package org.cairn.enrollment;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One district's spending for one fiscal year. {@code spentCents} is committed plus paid, kept as one field so an
 * approval can be a single conditional increment ("only if spent + amount ≤ budget"): concurrent approvals
 * cannot overspend, on one instance or many.
 *
 * @param id {@code districtId:FY2027}
 */
@Document("budgets")
record BudgetLedger(@Id String id, String districtId, String fiscalYear, long spentCents, long committedCents,
		long paidCents) {

	static String idFor(String districtId, FiscalYear year) {
		return districtId + ":" + year.label();
	}

	static BudgetLedger empty(String districtId, FiscalYear year) {
		return new BudgetLedger(idFor(districtId, year), districtId, year.label(), 0, 0, 0);
	}

}
