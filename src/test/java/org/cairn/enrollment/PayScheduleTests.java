package org.cairn.enrollment;

import java.time.LocalDate;
import java.util.List;

import org.cairn.template.Pay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The money rules of pay on plain dates: what approval commits per fiscal year, and what falls in a period. */
class PayScheduleTests {

	/** Fiscal years starting in July: FY2027 is July 2026 to June 2027. */
	private static final int JULY = 7;

	private static Pay salary(long annual, Pay.Effective effective, LocalDate on, Integer years, boolean prorate) {
		return new Pay(Pay.Kind.SALARY_INCREASE, annual, "District", effective, on, years, prorate, null, null, null,
				null);
	}

	private static List<String> years(List<PaySchedule.YearAmount> amounts) {
		return amounts.stream().map(a -> a.year().label() + "=" + a.cents()).toList();
	}

	@Test
	void aSalaryIncreaseFromTheNextContractYearCommitsItsAnnualCostForEachChosenYear() {
		Pay kettleMoraine = salary(40_000, Pay.Effective.NEXT_CONTRACT_YEAR, null, 3, true);
		LocalDate approved = LocalDate.of(2026, 10, 5);

		assertThat(PaySchedule.effectiveOn(kettleMoraine, approved, JULY)).isEqualTo(LocalDate.of(2027, 7, 1));
		// starting on the first day of FY2028, nothing to prorate
		assertThat(years(PaySchedule.commitments(kettleMoraine, approved, JULY)))
			.containsExactly("FY2028=40000", "FY2029=40000", "FY2030=40000");
	}

	@Test
	void aFixedDateInsideAFiscalYearProratesTheFirstYearByDaysWhenTheDistrictSaysSo() {
		LocalDate january = LocalDate.of(2027, 1, 1);
		// January 1 to June 30 2027 is 181 of FY2027's 365 days: 40000 × 181 / 365 = 19835.6, rounded to 19836
		assertThat(years(PaySchedule.commitments(salary(40_000, Pay.Effective.ON_DATE, january, 3, true),
				LocalDate.of(2026, 9, 1), JULY)))
			.containsExactly("FY2027=19836", "FY2028=40000", "FY2029=40000");
		// not prorated: the whole annual amount in the first year too
		assertThat(years(PaySchedule.commitments(salary(40_000, Pay.Effective.ON_DATE, january, 2, false),
				LocalDate.of(2026, 9, 1), JULY)))
			.containsExactly("FY2027=40000", "FY2028=40000");
	}

	@Test
	void aFixedDateAlreadyPastStartsTheIncreaseOnTheDayItIsEarned() {
		Pay pay = salary(40_000, Pay.Effective.ON_DATE, LocalDate.of(2026, 8, 1), 1, false);
		assertThat(PaySchedule.effectiveOn(pay, LocalDate.of(2026, 11, 20), JULY)).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(PaySchedule.effectiveOn(pay, LocalDate.of(2026, 7, 20), JULY)).isEqualTo(LocalDate.of(2026, 8, 1));
	}

	@Test
	void withoutAChoiceASalaryIncreaseCommitsThreeYears() {
		assertThat(PaySchedule.commitments(salary(20_000, Pay.Effective.NEXT_CONTRACT_YEAR, null, null, false),
				LocalDate.of(2026, 10, 5), JULY)).hasSize(3);
	}

	@Test
	void oneTimeAmountsCommitInTheYearOfApprovalAndNothingCommitsNothing() {
		assertThat(years(PaySchedule.commitments(Pay.stipend(7_500, "Title II-A"), LocalDate.of(2026, 6, 30), JULY)))
			.containsExactly("FY2026=7500");
		Pay release = new Pay(Pay.Kind.RELEASE_TIME, 24_000, "Title II-A", null, null, null, false, 2.0,
				Pay.ReleaseUnit.DAYS, null, null);
		assertThat(years(PaySchedule.commitments(release, LocalDate.of(2026, 7, 1), JULY))).containsExactly("FY2027=24000");
		Pay uncostedCredit = new Pay(Pay.Kind.COURSE_CREDIT, 0, "State", null, null, null, false, 3.0, null,
				"Graduate credit", "Alverno College");
		assertThat(PaySchedule.commitments(uncostedCredit, LocalDate.of(2026, 7, 1), JULY)).isEmpty();
		assertThat(PaySchedule.commitments(Pay.nothing(), LocalDate.of(2026, 7, 1), JULY)).isEmpty();
	}

	@Test
	void theAmountInAPeriodCountsEachDayAtItsOwnFiscalYearsRate() {
		// June 2027: 30 of FY2027's 365 days (36500 × 30 / 365 = 3000); July 2027: 31 of FY2028's 366 days
		// (it holds 29 February 2028): 36500 × 31 / 366 = 3091.5, rounded to 3092
		assertThat(PaySchedule.accrued(36_500, LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 1),
				LocalDate.of(2027, 7, 31), JULY)).isEqualTo(3_000 + 3_092);
		// a whole fiscal year is the annual amount exactly
		assertThat(PaySchedule.accrued(40_000, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 1),
				LocalDate.of(2028, 6, 30), JULY)).isEqualTo(40_000);
		// a period before the effective date has nothing; one that starts before it counts from it
		assertThat(PaySchedule.accrued(40_000, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 1, 1),
				LocalDate.of(2027, 6, 30), JULY)).isZero();
		assertThat(PaySchedule.accrued(36_600, LocalDate.of(2027, 7, 2), LocalDate.of(2027, 7, 1),
				LocalDate.of(2027, 7, 3), JULY)).isEqualTo(200);
	}

}
