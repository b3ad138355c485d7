package org.cairn.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.cairn.district.District;
import org.cairn.problem.ProblemException;

/**
 * A payroll period: from and to inclusive, days in the district's time zone. Without dates: the current fiscal year
 * to today, which is what payroll asks for most.
 */
record PayPeriod(LocalDate from, LocalDate to, ZoneId zone) {

	static PayPeriod of(District district, Clock clock, LocalDate from, LocalDate to) {
		ZoneId zone = FiscalYear.zone(district);
		LocalDate last = to != null ? to : clock.instant().atZone(zone).toLocalDate();
		LocalDate first = from != null ? from
				: FiscalYear.of(district, clock.instant()).firstDay(district.fiscalYearStartMonth());
		if (last.isBefore(first)) {
			throw ProblemException.invalid("to", "the end date is before the start date");
		}
		return new PayPeriod(first, last, zone);
	}

	Instant start() {
		return from.atStartOfDay(zone).toInstant();
	}

	/** The instant after the last day (exclusive). */
	Instant end() {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	LocalDate day(Instant at) {
		return at.atZone(zone).toLocalDate();
	}

}
