package org.cairn.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.cairn.district.District;

/**
 * A district's fiscal year, named by the calendar year it ends in (US convention: July 2026 – June 2027 is
 * FY2027), computed in the district's own time zone. Public for the hours on a teacher's transcript, which are
 * totalled by the same fiscal year as the budget.
 */
public record FiscalYear(int endingYear) {

	public static FiscalYear of(District district, Instant at) {
		ZoneId zone = district.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(district.timeZone());
		return of(at.atZone(zone).toLocalDate(), district.fiscalYearStartMonth());
	}

	/** The fiscal year a day falls in, for a year starting in {@code startMonth} (1 to 12). */
	public static FiscalYear of(LocalDate date, int startMonth) {
		int start = startMonth < 1 || startMonth > 12 ? 1 : startMonth;
		if (start == 1) {
			return new FiscalYear(date.getYear());
		}
		return new FiscalYear(date.getMonthValue() >= start ? date.getYear() + 1 : date.getYear());
	}

	/** The first day of this fiscal year for a district whose year starts in {@code startMonth} (1 to 12). */
	public LocalDate firstDay(int startMonth) {
		int start = startMonth < 1 || startMonth > 12 ? 1 : startMonth;
		return start == 1 ? LocalDate.of(endingYear, 1, 1) : LocalDate.of(endingYear - 1, start, 1);
	}

	/** The instant this fiscal year starts in the district's time zone. */
	public Instant start(District district) {
		return firstDay(district.fiscalYearStartMonth()).atStartOfDay(zone(district)).toInstant();
	}

	/** The instant the next fiscal year starts (this one's exclusive end). */
	public Instant end(District district) {
		return new FiscalYear(endingYear + 1).start(district);
	}

	/** The last day of this fiscal year. */
	public LocalDate lastDay(int startMonth) {
		return new FiscalYear(endingYear + 1).firstDay(startMonth).minusDays(1);
	}

	/** The year {@code n} years after this one. */
	public FiscalYear plus(int n) {
		return new FiscalYear(endingYear + n);
	}

	/** Reads "FY2027"; null for anything else. */
	public static FiscalYear parse(String label) {
		return label != null && label.matches("FY\\d{4}") ? new FiscalYear(Integer.parseInt(label.substring(2))) : null;
	}

	static ZoneId zone(District district) {
		return district.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(district.timeZone());
	}

	public String label() {
		return "FY" + endingYear;
	}

}
