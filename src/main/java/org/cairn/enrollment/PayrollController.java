package org.cairn.enrollment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.csv.CsvField;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.template.Pay;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compensation as districts pay it: payroll's period (one-time and recurring apart), HR's release time and course
 * credit, the budget of each fiscal year ahead, spending by funding source and use, and the district's funding
 * sources. CSV downloads are CSV-injection safe; dates are the district's.
 */
@RestController
@RequestMapping("/api/v1")
class PayrollController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** The budget page shows at least this many fiscal years (the current one and two ahead). */
	private static final int BUDGET_YEARS_SHOWN = 3;

	private final Payroll payroll;

	private final Budgets budgets;

	private final FundingSources fundingSources;

	private final DistrictRepository districts;

	private final Clock clock;

	PayrollController(Payroll payroll, Budgets budgets, FundingSources fundingSources, DistrictRepository districts,
			Clock clock) {
		this.payroll = payroll;
		this.budgets = budgets;
		this.fundingSources = fundingSources;
		this.districts = districts;
		this.clock = clock;
	}

	@GetMapping("/payroll")
	Mono<Payroll.PeriodPay> period(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		user.require(Role.DISTRICT_ADMIN);
		return district(user).flatMap(d -> payroll.period(d, PayPeriod.of(d, clock, from, to)));
	}

	static final String PAYROLL_HEADER = "pay_type,earned_on,person_email,person_name,school,microcredential,tier,"
			+ "one_time_amount,annual_increase,effective_on,amount_in_period,funding_source,fiscal_year\r\n";

	/** One-time stipends earned in the period, then the salary increases in effect, each kind in its own columns. */
	@GetMapping("/payroll.csv")
	Mono<ResponseEntity<String>> payrollCsv(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		user.require(Role.DISTRICT_ADMIN);
		return district(user).flatMap(d -> payroll.period(d, PayPeriod.of(d, clock, from, to))).map(p -> {
			StringBuilder csv = new StringBuilder(PAYROLL_HEADER);
			for (Payroll.OneTime o : p.oneTime()) {
				csv.append(row("one-time", o.earnedOn().toString(), o.who(), o.microcredential(), o.tier(),
						money(o.cents()), "", "", money(o.cents()), o.fundingSource(), o.fiscalYear()));
			}
			for (Payroll.Recurring r : p.recurring()) {
				csv.append(row("recurring", r.earnedOn().toString(), r.who(), r.microcredential(), r.tier(), "",
						money(r.annualCents()), r.effectiveOn().toString(), money(r.inPeriodCents()),
						r.fundingSource(), r.fiscalYear()));
			}
			return attachment("payroll-" + p.from() + "-to-" + p.to() + ".csv", csv.toString());
		});
	}

	static final String HR_HEADER = "earned_on,person_email,person_name,school,microcredential,tier,kind,"
			+ "release_time,release_unit,credits,credit_type,granting_body,value,funding_source,fiscal_year\r\n";

	/** Release time and course credit earned in the period: HR records them, payroll does not pay them. */
	@GetMapping("/payroll/hr.csv")
	Mono<ResponseEntity<String>> hrCsv(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		user.require(Role.DISTRICT_ADMIN);
		return district(user).flatMap(d -> payroll.period(d, PayPeriod.of(d, clock, from, to))).map(p -> {
			String rows = p.hr().stream().map(h -> {
				boolean release = h.kind() == Pay.Kind.RELEASE_TIME;
				String quantity = h.quantity() == null ? "" : number(h.quantity());
				return String.join(",", h.earnedOn().toString(), cell(h.who().email()), cell(h.who().name()),
						cell(h.who().school()), cell(h.microcredential()), cell(h.tier()),
						release ? "release time" : "course credit", release ? quantity : "",
						release && h.releaseUnit() != null ? h.releaseUnit().name().toLowerCase(Locale.ROOT) : "",
						release ? "" : quantity, cell(h.creditType()), cell(h.grantingBody()), money(h.valueCents()),
						cell(h.fundingSource()), cell(h.fiscalYear())) + "\r\n";
			}).collect(Collectors.joining());
			return attachment("release-time-and-credit-" + p.from() + "-to-" + p.to() + ".csv", HR_HEADER + rows);
		});
	}

	/** Budget, committed, paid and remaining for the current fiscal year and every year ahead anything holds. */
	@GetMapping("/budget/years")
	Flux<Budgets.BudgetFigures> budgetYears(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return district(user).flatMapMany(d -> budgets.years(d, BUDGET_YEARS_SHOWN));
	}

	@GetMapping("/spending")
	Mono<Payroll.Spending> spending(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String fiscalYear) {
		user.require(Role.DISTRICT_ADMIN);
		return district(user).flatMap(d -> spendingOf(d, fiscalYear));
	}

	static final String SPENDING_HEADER = "fiscal_year,funding_source,stipends,salary_increases,release_time_value,"
			+ "release_hours,release_days,course_credit_value,credits,total\r\n";

	@GetMapping("/spending.csv")
	Mono<ResponseEntity<String>> spendingCsv(@AuthenticationPrincipal CairnUser user,
			@RequestParam(required = false) String fiscalYear) {
		user.require(Role.DISTRICT_ADMIN);
		return district(user).flatMap(d -> spendingOf(d, fiscalYear)).map(s -> {
			StringBuilder csv = new StringBuilder(SPENDING_HEADER);
			for (Payroll.SpendingRow r : s.sources()) {
				csv.append(spendingRow(s.fiscalYear(), r));
			}
			csv.append(spendingRow(s.fiscalYear(), s.total()));
			return attachment("spending-" + s.fiscalYear() + ".csv", csv.toString());
		});
	}

	/** The district's funding sources: every signed-in author and admin reads them (the template editor offers them). */
	@GetMapping("/funding-sources")
	Mono<FundingSourcesBody> fundingSources(@AuthenticationPrincipal CairnUser user) {
		return fundingSources.of(user.districtId()).map(FundingSourcesBody::new);
	}

	record FundingSourcesBody(List<String> sources) {
	}

	@PutMapping("/funding-sources")
	Mono<FundingSourcesBody> replaceFundingSources(@AuthenticationPrincipal CairnUser user,
			@RequestBody FundingSourcesBody body) {
		user.require(Role.DISTRICT_ADMIN);
		return fundingSources.replace(user.districtId(), body.sources()).map(FundingSourcesBody::new);
	}

	private Mono<Payroll.Spending> spendingOf(District d, String fiscalYear) {
		FiscalYear year = fiscalYear == null || fiscalYear.isBlank() ? budgets.currentYear(d)
				: Budgets.parse(fiscalYear);
		return fundingSources.of(d.id()).flatMap(sources -> payroll.spending(d, year, sources));
	}

	private Mono<District> district(CairnUser user) {
		return districts.findById(user.districtId());
	}

	private static String spendingRow(String fiscalYear, Payroll.SpendingRow r) {
		return String.join(",", cell(fiscalYear), cell(r.fundingSource()), money(r.stipendsCents()),
				money(r.salaryIncreasesCents()), money(r.releaseTimeCents()), number(r.releaseHours()),
				number(r.releaseDays()), money(r.courseCreditCents()), number(r.credits()), money(r.totalCents()))
				+ "\r\n";
	}

	private static String row(String type, String earnedOn, Payroll.Who who, String microcredential, String tier,
			String oneTime, String annual, String effectiveOn, String inPeriod, String fundingSource,
			String fiscalYear) {
		return String.join(",", type, earnedOn, cell(who.email()), cell(who.name()), cell(who.school()),
				cell(microcredential), cell(tier), oneTime, annual, effectiveOn, inPeriod, cell(fundingSource),
				cell(fiscalYear)) + "\r\n";
	}

	private static ResponseEntity<String> attachment(String filename, String body) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(body);
	}

	private static String cell(String value) {
		return CsvField.escape(value);
	}

	/** Dollars and cents for a spreadsheet: 1234.50 (no currency sign or grouping). */
	static String money(long cents) {
		return String.format(Locale.ROOT, "%s%d.%02d", cents < 0 ? "-" : "", Math.abs(cents) / 100,
				Math.abs(cents) % 100);
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
	}

}
