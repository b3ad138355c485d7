package org.cairn.template;

import org.cairn.template.TemplateRules.Problems;

/** What a tier's pay must say to be paid: each kind its own fields, money in whole cents within bounds. */
final class PayRules {

	/** A salary increase above $100,000 a year is a typing mistake, not a microcredential. */
	static final long MAX_ANNUAL_INCREASE_CENTS = 10_000_000;

	static final int MAX_BUDGET_YEARS = 10;

	private PayRules() {
	}

	static void check(Problems problems, String path, Pay pay) {
		if (pay == null) {
			return;
		}
		problems.optionalText(path + ".fundingSource", pay.fundingSource(), 60);
		if (pay.cents() < 0 || pay.cents() > TemplateRules.MAX_STIPEND_CENTS) {
			problems.say(path + ".cents", "range", 0, TemplateRules.MAX_STIPEND_CENTS);
		}
		switch (pay.kind()) {
			case NONE, STIPEND -> {
				// a stipend of $0 pays nothing, as tiers always could
			}
			case SALARY_INCREASE -> salary(problems, path, pay);
			case RELEASE_TIME -> {
				quantity(problems, path, pay.quantity(), "release-quantity");
				if (pay.releaseUnit() == null) {
					problems.say(path + ".releaseUnit", "release-unit");
				}
			}
			case COURSE_CREDIT -> {
				quantity(problems, path, pay.quantity(), "credit-quantity");
				problems.text(path + ".creditType", pay.creditType(), 2, 60);
				problems.text(path + ".grantingBody", pay.grantingBody(), 2, 120);
			}
		}
	}

	private static void salary(Problems problems, String path, Pay pay) {
		if (pay.cents() <= 0 || pay.cents() > MAX_ANNUAL_INCREASE_CENTS) {
			problems.say(path + ".cents", "salary-amount");
		}
		if (pay.effective() == null) {
			problems.say(path + ".effective", "salary-start");
		}
		else if (pay.effective() == Pay.Effective.ON_DATE && pay.effectiveOn() == null) {
			problems.say(path + ".effectiveOn", "salary-date");
		}
		if (pay.budgetYears() != null && (pay.budgetYears() < 1 || pay.budgetYears() > MAX_BUDGET_YEARS)) {
			problems.say(path + ".budgetYears", "range", 1, MAX_BUDGET_YEARS);
		}
	}

	private static void quantity(Problems problems, String path, Double quantity, String missing) {
		if (quantity == null || quantity.isNaN() || quantity <= 0) {
			problems.say(path + ".quantity", missing);
		}
		else if (quantity > 1_000 || Math.abs(quantity * 100 - Math.rint(quantity * 100)) > 1e-6) {
			problems.say(path + ".quantity", "quantity");
		}
	}

}
