package org.cairn.enrollment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.cairn.template.Pay;

/**
 * The money rules of pay, on plain dates (the district's time zone is applied by the caller), unit-tested without
 * Spring ({@code PayScheduleTests}).
 *
 * <ul>
 * <li>A stipend, and the costed value of release time or course credit, is committed in full in the fiscal year of
 * approval.</li>
 * <li>A base-salary increase starts on its effective date: the first day of the next contract (fiscal) year after the
 * one it is earned in, or the district's date (the day it is earned when that is later). Approval projects it from
 * the day of approval and commits the annual amount for each of the district's {@code budgetYears} fiscal years from
 * the one it starts in; with {@code prorateFirstYear} the first year commits only its share. Earned later than
 * projected, it starts later: the commitment moves to the years it really falls in ({@link #fromEffective}).</li>
 * <li>A share of a year: each day costs the annual amount divided by the days of the fiscal year it falls in
 * (365 or 366), summed per fiscal year and rounded to the nearest cent (half up). Payroll's "amount in the period"
 * and the spending report's yearly cost of an increase use the same rule.</li>
 * </ul>
 */
final class PaySchedule {

	/** An amount falling in one fiscal year. */
	record YearAmount(FiscalYear year, long cents) {
	}

	private PaySchedule() {
	}

	/** When a salary increase earned (or, projected at approval, approved) on {@code earnedOn} starts. */
	static LocalDate effectiveOn(Pay pay, LocalDate earnedOn, int startMonth) {
		if (pay.effective() == Pay.Effective.ON_DATE && pay.effectiveOn() != null) {
			return earnedOn.isAfter(pay.effectiveOn()) ? earnedOn : pay.effectiveOn();
		}
		return FiscalYear.of(earnedOn, startMonth).plus(1).firstDay(startMonth);
	}

	/** What approval on {@code approvedOn} commits for one tier's pay, per fiscal year. */
	static List<YearAmount> commitments(Pay pay, LocalDate approvedOn, int startMonth) {
		if (pay == null || !pay.costsMoney()) {
			return List.of();
		}
		if (pay.kind() != Pay.Kind.SALARY_INCREASE) {
			return List.of(new YearAmount(FiscalYear.of(approvedOn, startMonth), pay.cents()));
		}
		return fromEffective(pay, effectiveOn(pay, approvedOn, startMonth), startMonth);
	}

	/**
	 * What a salary increase starting on {@code from} costs in each of its budget years: the years approval
	 * projected when it starts as projected, later ones when the teacher earned it later (a
	 * {@link Budgets#settle settlement} moves the commitment there).
	 */
	static List<YearAmount> fromEffective(Pay pay, LocalDate from, int startMonth) {
		FiscalYear first = FiscalYear.of(from, startMonth);
		List<YearAmount> years = new ArrayList<>();
		for (int i = 0; i < pay.budgetYearsOrDefault(); i++) {
			FiscalYear year = first.plus(i);
			long cents = i == 0 && pay.prorateFirstYear()
					? accrued(pay.cents(), from, from, year.lastDay(startMonth), startMonth) : pay.cents();
			years.add(new YearAmount(year, cents));
		}
		return years;
	}

	/**
	 * The part of an annual increase effective from {@code effectiveOn} that falls from {@code from} to {@code to}
	 * inclusive.
	 */
	static long accrued(long annualCents, LocalDate effectiveOn, LocalDate from, LocalDate to, int startMonth) {
		LocalDate start = from.isBefore(effectiveOn) ? effectiveOn : from;
		long total = 0;
		while (!start.isAfter(to)) {
			FiscalYear year = FiscalYear.of(start, startMonth);
			LocalDate last = year.lastDay(startMonth);
			LocalDate end = to.isBefore(last) ? to : last;
			long days = ChronoUnit.DAYS.between(start, end) + 1;
			long daysInYear = ChronoUnit.DAYS.between(year.firstDay(startMonth), last) + 1;
			total += share(annualCents, days, daysInYear);
			start = end.plusDays(1);
		}
		return total;
	}

	/** {@code annual × days ÷ daysInYear}, rounded half up, in whole cents. */
	private static long share(long annualCents, long days, long daysInYear) {
		return (2 * annualCents * days + daysInYear) / (2 * daysInYear);
	}

}
