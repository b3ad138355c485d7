package org.cairn.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.district.District;
import org.cairn.template.Pay;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What payroll, HR and the district's spending report read: one-time stipends, recurring salary increases (the amount
 * falling in a period by {@link PaySchedule}'s daily rule), release time and course credit, and spending per fiscal
 * year by funding source and use.
 */
@Component
class Payroll {

	static final String NOT_RECORDED = "Not recorded";

	private final ReactiveMongoTemplate mongo;

	private final PersonRepository people;

	Payroll(ReactiveMongoTemplate mongo, PersonRepository people) {
		this.mongo = mongo;
		this.people = people;
	}

	/** Who earned it, as payroll and HR know the teacher. */
	record Who(String personId, String email, String name, String school) {

		static Who of(String personId, Person p) {
			return p == null ? new Who(personId, "", "", "") : new Who(p.id(), p.email(), p.displayName(), p.school());
		}

	}

	/** A one-time stipend earned in the period. */
	record OneTime(LocalDate earnedOn, Who who, String microcredential, String tier, long cents, String fundingSource,
			String fiscalYear) {
	}

	/** A base-salary increase in effect during (some of) the period, and the part of it that falls in the period. */
	record Recurring(LocalDate earnedOn, Who who, String microcredential, String tier, long annualCents,
			LocalDate effectiveOn, long inPeriodCents, String fundingSource, String fiscalYear) {
	}

	/** Release time or course credit earned in the period: HR records it. */
	record HrRecord(LocalDate earnedOn, Who who, String microcredential, String tier, Pay.Kind kind, Double quantity,
			Pay.ReleaseUnit releaseUnit, String creditType, String grantingBody, long valueCents,
			String fundingSource, String fiscalYear) {
	}

	/** A payroll period: one-time and recurring amounts apart, and what HR records. */
	record PeriodPay(LocalDate from, LocalDate to, List<OneTime> oneTime, List<Recurring> recurring,
			List<HrRecord> hr, long oneTimeCents, long recurringCents) {
	}

	Mono<PeriodPay> period(District district, PayPeriod period) {
		int startMonth = district.fiscalYearStartMonth();
		Query stipendsInPeriod = Query.query(Criteria.where("districtId").is(district.id())
			.and("earnedAt").gte(period.start()).lt(period.end())).with(Sort.by("earnedAt"));
		Mono<List<Stipend>> stipends = mongo.find(stipendsInPeriod, Stipend.class).collectList();
		Mono<List<PayRecord>> salaries = mongo.find(Query.query(Criteria.where("districtId").is(district.id())
			.and("pay.kind").is(Pay.Kind.SALARY_INCREASE.name())).with(Sort.by("earnedAt")), PayRecord.class)
			.filter(r -> r.effectiveOn() != null && !r.effectiveOn().isAfter(period.to()))
			.collectList();
		Mono<List<PayRecord>> hr = mongo.find(Query.query(Criteria.where("districtId").is(district.id())
			.and("pay.kind").in(Pay.Kind.RELEASE_TIME.name(), Pay.Kind.COURSE_CREDIT.name())
			.and("earnedAt").gte(period.start()).lt(period.end())).with(Sort.by("earnedAt")), PayRecord.class)
			.collectList();
		return Mono.zip(stipends, salaries, hr).flatMap(t -> {
			Set<String> ids = new HashSet<>();
			t.getT1().forEach(s -> ids.add(s.personId()));
			t.getT2().forEach(r -> ids.add(r.personId()));
			t.getT3().forEach(r -> ids.add(r.personId()));
			return whoIs(district.id(), ids).map(who -> {
				List<OneTime> oneTime = t.getT1().stream()
					.map(s -> new OneTime(period.day(s.earnedAt()), Who.of(s.personId(), who.get(s.personId())),
							s.templateTitle(), s.tierTitle(), s.cents(), s.fundingSource(), s.fiscalYear()))
					.toList();
				List<Recurring> recurring = t.getT2().stream()
					.map(r -> new Recurring(period.day(r.earnedAt()), Who.of(r.personId(), who.get(r.personId())),
							r.templateTitle(), r.tierTitle(), r.pay().cents(), r.effectiveOn(),
							PaySchedule.accrued(r.pay().cents(), r.effectiveOn(), period.from(), period.to(),
									startMonth),
							r.pay().fundingSource(), r.fiscalYear()))
					.toList();
				List<HrRecord> records = t.getT3().stream()
					.map(r -> new HrRecord(period.day(r.earnedAt()), Who.of(r.personId(), who.get(r.personId())),
							r.templateTitle(), r.tierTitle(), r.pay().kind(), r.pay().quantity(), r.pay().releaseUnit(),
							r.pay().creditType(), r.pay().grantingBody(), r.pay().cents(), r.pay().fundingSource(),
							r.fiscalYear()))
					.toList();
				return new PeriodPay(period.from(), period.to(), oneTime, recurring, records,
						oneTime.stream().mapToLong(OneTime::cents).sum(),
						recurring.stream().mapToLong(Recurring::inPeriodCents).sum());
			});
		});
	}

	private Mono<Map<String, Person>> whoIs(String districtId, Collection<String> ids) {
		return people.findAllById(ids)
			.filter(p -> districtId.equals(p.districtId()))
			.collect(Collectors.toMap(Person::id, Function.identity()));
	}

	/**
	 * One funding source's professional-learning spending in a fiscal year, by use. Money in cents: stipends earned
	 * in the year; the part of every earned salary increase falling in the year; release time and course credit
	 * earned in the year at the value the district costs them (0 when not costed), with their hours, days and credits.
	 */
	record SpendingRow(String fundingSource, long stipendsCents, long salaryIncreasesCents, long releaseTimeCents,
			double releaseHours, double releaseDays, long courseCreditCents, double credits, long totalCents) {

		SpendingRow plus(SpendingRow o) {
			return new SpendingRow(fundingSource, stipendsCents + o.stipendsCents,
					salaryIncreasesCents + o.salaryIncreasesCents, releaseTimeCents + o.releaseTimeCents,
					releaseHours + o.releaseHours, releaseDays + o.releaseDays, courseCreditCents + o.courseCreditCents,
					credits + o.credits, totalCents + o.totalCents);
		}

		static SpendingRow empty(String source) {
			return new SpendingRow(source, 0, 0, 0, 0, 0, 0, 0, 0);
		}

	}

	/** @param sources one row per funding source, the district's list order first; {@code total} all of them */
	record Spending(String fiscalYear, LocalDate from, LocalDate to, List<SpendingRow> sources, SpendingRow total) {
	}

	Mono<Spending> spending(District district, FiscalYear year, List<String> districtSources) {
		int startMonth = district.fiscalYearStartMonth();
		PayPeriod period = new PayPeriod(year.firstDay(startMonth), year.lastDay(startMonth),
				FiscalYear.zone(district));
		Query earnedInYear = Query.query(Criteria.where("districtId").is(district.id())
			.and("earnedAt").gte(period.start()).lt(period.end()));
		Mono<List<SpendingRow>> stipends = mongo.find(earnedInYear, Stipend.class)
			.map(s -> new SpendingRow(source(s.fundingSource()), s.cents(), 0, 0, 0, 0, 0, 0, s.cents()))
			.collectList();
		Mono<List<SpendingRow>> hr = mongo.find(Query.query(Criteria.where("districtId").is(district.id())
			.and("pay.kind").in(Pay.Kind.RELEASE_TIME.name(), Pay.Kind.COURSE_CREDIT.name())
			.and("earnedAt").gte(period.start()).lt(period.end())), PayRecord.class)
			.map(r -> hrRow(r.pay()))
			.collectList();
		Mono<List<SpendingRow>> salaries = mongo.find(Query.query(Criteria.where("districtId").is(district.id())
			.and("pay.kind").is(Pay.Kind.SALARY_INCREASE.name())), PayRecord.class)
			.filter(r -> r.effectiveOn() != null && !r.effectiveOn().isAfter(period.to()))
			.map(r -> {
				long cents = PaySchedule.accrued(r.pay().cents(), r.effectiveOn(), period.from(), period.to(),
						startMonth);
				return new SpendingRow(source(r.pay().fundingSource()), 0, cents, 0, 0, 0, 0, 0, cents);
			})
			.collectList();
		return Mono.zip(stipends, hr, salaries).map(t -> {
			Map<String, SpendingRow> bySource = new TreeMap<>();
			for (String s : districtSources) {
				bySource.put(s, SpendingRow.empty(s));
			}
			List<SpendingRow> all = new ArrayList<>(t.getT1());
			all.addAll(t.getT2());
			all.addAll(t.getT3());
			for (SpendingRow row : all) {
				bySource.merge(row.fundingSource(), row, SpendingRow::plus);
			}
			List<SpendingRow> rows = new ArrayList<>(bySource.values());
			// the district's own order (Title II-A first in the usual list), then any other source by name
			rows.sort(Comparator.comparingInt((SpendingRow r) -> {
				int i = districtSources.indexOf(r.fundingSource());
				return i < 0 ? Integer.MAX_VALUE : i;
			}).thenComparing(SpendingRow::fundingSource));
			SpendingRow total = rows.stream().reduce(SpendingRow.empty("All sources"), SpendingRow::plus);
			return new Spending(year.label(), period.from(), period.to(), rows,
					new SpendingRow("All sources", total.stipendsCents(), total.salaryIncreasesCents(),
							total.releaseTimeCents(), total.releaseHours(), total.releaseDays(),
							total.courseCreditCents(), total.credits(), total.totalCents()));
		});
	}

	private static SpendingRow hrRow(Pay pay) {
		double quantity = pay.quantity() == null ? 0 : pay.quantity();
		if (pay.kind() == Pay.Kind.RELEASE_TIME) {
			boolean days = pay.releaseUnit() == Pay.ReleaseUnit.DAYS;
			return new SpendingRow(source(pay.fundingSource()), 0, 0, pay.cents(), days ? 0 : quantity,
					days ? quantity : 0, 0, 0, pay.cents());
		}
		return new SpendingRow(source(pay.fundingSource()), 0, 0, 0, 0, 0, pay.cents(), quantity, pay.cents());
	}

	private static String source(String fundingSource) {
		return fundingSource == null || fundingSource.isBlank() ? NOT_RECORDED : fundingSource;
	}

}
