package org.cairn.earning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.enrollment.FiscalYear;
import org.cairn.template.Pay;
import org.cairn.template.RubricScale;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compensation as districts pay it, through the real service: a Kettle Moraine-style base-salary increase commits its
 * annual cost in each fiscal year the district chose and shows in payroll as a recurring amount; approvals are refused
 * when any of those years would be overspent (concurrently too, and a refused later year gives the earlier ones
 * back); release time and course credit go to HR's export; a tier stored with only a stipend reads as a one-time
 * stipend; spending is reported by funding source and use.
 */
class CompensationIntegrationTests extends EarningTest {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private static Pay salary(long annual, Pay.Effective effective, LocalDate on, Integer years, boolean prorate) {
		return new Pay(Pay.Kind.SALARY_INCREASE, annual, "District", effective, on, years, prorate, null, null, null,
				null);
	}

	private Template oneTier(District district, String title, Pay pay) {
		Tier tier = new Tier("tier-1", "Evidence", "A reflection", List.of(), false, 0, null, 4, null,
				List.of(Parkway.reflection("reflection", 500, 600, 120, 180)), pay);
		return save(new Template(null, district.id(), UUID.randomUUID().toString(), 1, TemplateStatus.PUBLISHED, title,
				"Earned by evidence", "Criteria", null, null, List.of(), null, RubricScale.twoLevel(), true,
				List.of(tier), null, Instant.now(), Instant.now(), null));
	}

	/** A signed-in client that waits as long as a loaded build machine needs. */
	private WebTestClient client(Person person) {
		return data.as(person).mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
	}

	private String approved(Person teacher, Person admin, Template template) {
		String id = (String) enroll(client(teacher), template.id()).get("id");
		propose(client(teacher), id);
		decideProposal(client(admin), id, "APPROVE", null).expectStatus().isOk();
		return id;
	}

	/** The teacher passes the template's only tier, decided by an admin. */
	private void pass(Person teacher, Person admin, Template template, String enrollmentId) {
		reflect(client(teacher), enrollmentId, "tier-1", "reflection", RealFiles.words(550)).expectStatus().isOk();
		String submissionId = (String) submitted(client(teacher), enrollmentId, "tier-1").get("id");
		decide(client(admin), submissionId, decision(template.tiers().get(0), 1, "PASS", 1)).expectStatus().isOk();
	}

	private Map<String, Map<String, Object>> budgetYears(WebTestClient admin) {
		List<Map<String, Object>> years = admin.get().uri("/api/v1/budget/years").exchange().expectStatus().isOk()
			.expectBody(JSON_LIST).returnResult().getResponseBody();
		Map<String, Map<String, Object>> byYear = new HashMap<>();
		years.forEach(y -> byYear.put((String) y.get("fiscalYear"), y));
		return byYear;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object list) {
		return (List<String>) list;
	}

	private static long cents(Map<String, Object> figures, String field) {
		return ((Number) figures.get(field)).longValue();
	}

	private static FiscalYear current(District district) {
		return FiscalYear.of(district, Instant.now());
	}

	@Test
	void aSalaryCredentialCommitsEachChosenYearAndShowsInPayrollAsARecurringIncrease() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template rubricDesign = oneTier(district, "Competency Based Rubric Design",
				salary(40_000, Pay.Effective.NEXT_CONTRACT_YEAR, null, 3, true));
		FiscalYear now = current(district);
		LocalDate effective = now.plus(1).firstDay(7);

		String id = approved(teacher, admin, rubricDesign);

		Map<String, Map<String, Object>> years = budgetYears(client(admin));
		assertThat(years.keySet()).contains(now.label(), now.plus(1).label(), now.plus(2).label(), now.plus(3).label());
		assertThat(cents(years.get(now.label()), "committedCents")).isZero();
		for (int i = 1; i <= 3; i++) {
			assertThat(cents(years.get(now.plus(i).label()), "committedCents")).isEqualTo(40_000);
			assertThat(cents(years.get(now.plus(i).label()), "remainingCents")).isEqualTo(1_000_000 - 40_000);
		}
		// a retried approval counts nothing twice
		decideProposal(client(admin), id, "APPROVE", null).expectStatus().isOk();
		assertThat(cents(budgetYears(client(admin)).get(now.plus(1).label()), "committedCents")).isEqualTo(40_000);

		pass(teacher, admin, rubricDesign, id);

		years = budgetYears(client(admin));
		for (int i = 1; i <= 3; i++) {
			assertThat(cents(years.get(now.plus(i).label()), "committedCents")).isZero();
			assertThat(cents(years.get(now.plus(i).label()), "paidCents")).isEqualTo(40_000);
		}
		// this year's payroll so far has nothing: the increase starts with the next contract year
		Map<String, Object> thisYear = client(admin).get().uri("/api/v1/payroll").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat((List<?>) thisYear.get("recurring")).isEmpty();
		assertThat((List<?>) thisYear.get("oneTime")).isEmpty();

		// the first month of the next contract year: the annual increase, its date, and 31 days of it
		LocalDate to = effective.plusDays(30);
		String csv = client(admin).get().uri("/api/v1/payroll.csv?from={f}&to={t}", effective, to).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		List<Map<String, String>> rows = Csv.parse(csv);
		assertThat(rows).hasSize(1);
		Map<String, String> row = rows.get(0);
		assertThat(row.get("pay_type")).isEqualTo("recurring");
		assertThat(row.get("person_email")).isEqualTo(teacher.email());
		assertThat(row.get("microcredential")).isEqualTo("Competency Based Rubric Design");
		assertThat(row.get("one_time_amount")).isEmpty();
		assertThat(row.get("annual_increase")).isEqualTo("400.00");
		assertThat(row.get("effective_on")).isEqualTo(effective.toString());
		long daysInYear = java.time.temporal.ChronoUnit.DAYS.between(now.plus(1).firstDay(7), now.plus(2).firstDay(7));
		long expected = (2 * 40_000L * 31 + daysInYear) / (2 * daysInYear);
		assertThat(row.get("amount_in_period")).isEqualTo(String.format("%d.%02d", expected / 100, expected % 100));
		assertThat(row.get("funding_source")).isEqualTo("District");

		// spending in the next fiscal year: the whole annual increase, from District; Title II-A on its own row
		Map<String, Object> spending = client(admin).get().uri("/api/v1/spending?fiscalYear={y}", now.plus(1).label())
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> sources = (List<Map<String, Object>>) spending.get("sources");
		assertThat(sources.get(0).get("fundingSource")).isEqualTo("Title II-A");
		Map<String, Object> districtRow = sources.stream().filter(s -> "District".equals(s.get("fundingSource")))
			.findFirst().orElseThrow();
		assertThat(cents(districtRow, "salaryIncreasesCents")).isEqualTo(40_000);
		assertThat(cents(districtRow, "stipendsCents")).isZero();
		String spendingCsv = client(admin).get().uri("/api/v1/spending.csv?fiscalYear={y}", now.plus(1).label())
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(Csv.parse(spendingCsv)).anySatisfy(r -> {
			assertThat(r.get("funding_source")).isEqualTo("District");
			assertThat(r.get("salary_increases")).isEqualTo("400.00");
		});

		// teachers see none of it
		client(teacher).get().uri("/api/v1/payroll").exchange().expectStatus().isForbidden();
		client(teacher).get().uri("/api/v1/budget/years").exchange().expectStatus().isForbidden();
		client(teacher).get().uri("/api/v1/spending").exchange().expectStatus().isForbidden();
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.cairn.enrollment.Enrollments enrollments;

	/**
	 * Makes an approval look as if it was made a year earlier: the increase projected to start this fiscal year, so
	 * committed this year and the next two (what {@code Budgets.commitAll} would have written then).
	 */
	private void approvedAYearAgo(District district, String enrollmentId, long cents) {
		FiscalYear now = current(district);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(district.id() + ":" + now.plus(3).label())),
				new Update().inc("spentCents", -cents).inc("committedCents", -cents).pull("commits", enrollmentId),
				"budgets").block();
		mongo.upsert(Query.query(Criteria.where("_id").is(district.id() + ":" + now.label())),
				new Update().setOnInsert("districtId", district.id()).setOnInsert("fiscalYear", now.label())
					.setOnInsert("paidCents", 0L).inc("spentCents", cents).inc("committedCents", cents)
					.push("commits", enrollmentId),
				"budgets").block();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(enrollmentId)),
				new Update().set("commitments", List.of(
						new org.bson.Document(Map.of("tierKey", "tier-1", "fiscalYear", now.label(), "cents", cents)),
						new org.bson.Document(Map.of("tierKey", "tier-1", "fiscalYear", now.plus(1).label(), "cents", cents)),
						new org.bson.Document(Map.of("tierKey", "tier-1", "fiscalYear", now.plus(2).label(), "cents", cents)))),
				"enrollments").block();
	}

	@SuppressWarnings("unchecked")
	private List<String> committedYears(Person admin, String enrollmentId) {
		Map<String, Object> e = client(admin).get().uri("/api/v1/enrollments/{id}", enrollmentId).exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) e.get("commitments")).stream().map(c -> (String) c.get("fiscalYear"))
			.sorted().toList();
	}

	private List<Map<String, Object>> notices(Person who, String kind) {
		List<Map<String, Object>> all = new ArrayList<>(client(who).get().uri("/api/v1/notifications").exchange()
			.expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody());
		all.removeIf(n -> !kind.equals(n.get("kind")));
		return all;
	}

	@Test
	void aSalaryIncreaseEarnedLaterThanProjectedMovesItsCommitmentToTheYearsItFallsIn() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template late = oneTier(district, "Feedback That Moves Learning",
				salary(40_000, Pay.Effective.NEXT_CONTRACT_YEAR, null, 3, false));
		FiscalYear now = current(district);
		String id = approved(teacher, admin, late);
		approvedAYearAgo(district, id, 40_000);
		assertThat(cents(budgetYears(client(admin)).get(now.label()), "committedCents")).isEqualTo(40_000);

		// earned now, not last year: it starts with the next contract year, so it costs the next three years
		pass(teacher, admin, late, id);

		Map<String, Map<String, Object>> years = budgetYears(client(admin));
		assertThat(cents(years.get(now.label()), "committedCents")).as("this year given back").isZero();
		assertThat(cents(years.get(now.label()), "paidCents")).isZero();
		assertThat(cents(years.get(now.label()), "remainingCents")).isEqualTo(1_000_000);
		for (int i = 1; i <= 3; i++) {
			assertThat(cents(years.get(now.plus(i).label()), "committedCents")).as(now.plus(i).label()).isZero();
			assertThat(cents(years.get(now.plus(i).label()), "paidCents")).as(now.plus(i).label()).isEqualTo(40_000);
			assertThat(cents(years.get(now.plus(i).label()), "remainingCents")).isEqualTo(1_000_000 - 40_000);
		}
		assertThat(committedYears(admin, id)).containsExactly(now.plus(1).label(), now.plus(2).label(),
				now.plus(3).label());
		// payroll shows the real start: the next contract year, not this one as projected
		LocalDate realStart = now.plus(1).firstDay(7);
		List<Map<String, String>> rows = Csv.parse(client(admin).get()
			.uri("/api/v1/payroll.csv?from={f}&to={t}", realStart, realStart.plusDays(30)).exchange().expectStatus()
			.isOk().expectBody(String.class).returnResult().getResponseBody());
		assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("effective_on")).isEqualTo(realStart.toString()));
		assertThat(notices(admin, "PAY_UNBUDGETED")).isEmpty();

		// passing again (a retry on another instance) settles nothing twice
		enrollments.recordPass(mongo.findById(id, org.cairn.enrollment.Enrollment.class).block(), late,
				late.tiers().get(0), true).block();
		assertThat(budgetYears(client(admin))).isEqualTo(years);
	}

	@Test
	void aLaterYearThatCannotTakeAMovedIncreaseIsReportedToAdminsNotOverspent() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template late = oneTier(district, "Questioning for Thinking",
				salary(40_000, Pay.Effective.NEXT_CONTRACT_YEAR, null, 3, false));
		FiscalYear now = current(district);
		String id = approved(teacher, admin, late);
		approvedAYearAgo(district, id, 40_000);
		// the third year out has $100 left: the moved increase ($400 there) does not fit
		mongo.upsert(Query.query(Criteria.where("_id").is(district.id() + ":" + now.plus(3).label())),
				new Update().setOnInsert("districtId", district.id()).setOnInsert("fiscalYear", now.plus(3).label())
					.setOnInsert("paidCents", 0L).inc("spentCents", 990_000L).inc("committedCents", 990_000L),
				"budgets").block();

		pass(teacher, admin, late, id);

		Map<String, Map<String, Object>> years = budgetYears(client(admin));
		assertThat(cents(years.get(now.label()), "committedCents")).isZero();
		assertThat(cents(years.get(now.plus(1).label()), "paidCents")).isEqualTo(40_000);
		assertThat(cents(years.get(now.plus(2).label()), "paidCents")).isEqualTo(40_000);
		assertThat(cents(years.get(now.plus(3).label()), "paidCents")).as("refused, not overspent").isZero();
		assertThat(cents(years.get(now.plus(3).label()), "remainingCents")).isEqualTo(10_000);
		assertThat(committedYears(admin, id)).containsExactly(now.plus(1).label(), now.plus(2).label());
		assertThat(notices(admin, "PAY_UNBUDGETED")).singleElement().satisfies(n -> {
			assertThat((String) n.get("title")).contains("Questioning for Thinking");
			assertThat((String) n.get("text")).contains(now.plus(3).label() + " ($400.00)");
			assertThat(n.get("link")).isEqualTo("/admin/pay");
		});
		assertThat(notices(teacher, "PAY_UNBUDGETED")).isEmpty();
		// a retry reports nothing twice
		enrollments.recordPass(mongo.findById(id, org.cairn.enrollment.Enrollment.class).block(), late,
				late.tiers().get(0), true).block();
		assertThat(notices(admin, "PAY_UNBUDGETED")).hasSize(1);
		assertThat(budgetYears(client(admin))).isEqualTo(years);
	}

	@Test
	void anApprovalIsRefusedWhenALaterYearWouldBeOverspentAndGivesTheEarlierYearsBack() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		FiscalYear now = current(district);
		// $4,000 a year in each of the next three years
		String first = approved(teacher(district), admin,
				oneTier(district, "Productive Research", salary(400_000, Pay.Effective.NEXT_CONTRACT_YEAR, null, 3, false)));
		assertThat(first).isNotNull();
		// $7,000 a year from the middle of next year, prorated: about $3,500 fits next year, $7,000 the year after does not
		LocalDate midYear = now.plus(1).firstDay(7).plusMonths(6);
		Template big = oneTier(district, "Learner Motivation", salary(700_000, Pay.Effective.ON_DATE, midYear, 3, true));
		Person second = teacher(district);
		String id = (String) enroll(client(second), big.id()).get("id");
		propose(client(second), id);

		Map<String, Object> refused = decideProposal(client(admin), id, "APPROVE", null).expectStatus()
			.isEqualTo(409).expectBody(JSON).returnResult().getResponseBody();
		assertThat((String) refused.get("type")).endsWith("budget-exceeded");
		assertThat(refused.get("fiscalYear")).isEqualTo(now.plus(2).label());
		assertThat(cents(refused, "remainingCents")).isEqualTo(600_000);

		Map<String, Map<String, Object>> years = budgetYears(client(admin));
		assertThat(cents(years.get(now.plus(1).label()), "committedCents")).isEqualTo(400_000);
		assertThat(cents(years.get(now.plus(2).label()), "committedCents")).isEqualTo(400_000);
		assertThat(cents(years.get(now.plus(3).label()), "committedCents")).isEqualTo(400_000);
		Map<String, Object> waiting = client(admin).get().uri("/api/v1/enrollments/{id}", id).exchange()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(waiting.get("state")).isEqualTo("PROPOSED");
	}

	@Test
	void concurrentApprovalsNeverOverspendAnyYear() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		FiscalYear now = current(district);
		// $3,000 a year for three years each: three fit in a $10,000 budget, six are proposed at once
		Template rubric = oneTier(district, "Competency Based Rubric Design",
				salary(300_000, Pay.Effective.NEXT_CONTRACT_YEAR, null, 3, false));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Person t = teacher(district);
			String id = (String) enroll(client(t), rubric.id()).get("id");
			propose(client(t), id);
			ids.add(id);
		}
		List<Callable<Integer>> calls = new ArrayList<>();
		for (String id : ids) {
			calls.add(() -> decideProposal(client(admin), id, "APPROVE", null).returnResult(String.class)
				.getStatus().value());
		}
		List<Integer> statuses = ReviewConcurrencyIntegrationTests.concurrently(calls);
		assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(3);
		assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(3);
		Map<String, Map<String, Object>> years = budgetYears(client(admin));
		for (int i = 1; i <= 3; i++) {
			assertThat(cents(years.get(now.plus(i).label()), "committedCents")).isEqualTo(900_000);
		}
	}

	@Test
	void aTierStoredWithOnlyAStipendReadsAsAOneTimeStipendAndIsPaidAsBefore() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template old = oneTier(district, "=HYPERLINK(\"http://x.test\")", Pay.stipend(7_500, "Title II-A"));
		// as stored before pay had kinds: no pay field at all
		mongo.updateFirst(Query.query(Criteria.where("_id").is(old.id())), new Update().unset("tiers.0.pay"),
				"templates").block();
		assertThat(mongo.findById(old.id(), org.bson.Document.class, "templates").block()
			.getList("tiers", org.bson.Document.class).get(0).containsKey("pay")).isFalse();

		Map<String, Object> preview = client(teacher).get().uri("/api/v1/catalogue/{id}", old.id()).exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		@SuppressWarnings("unchecked")
		Map<String, Object> pay = (Map<String, Object>) ((List<Map<String, Object>>) preview.get("tiers")).get(0).get("pay");
		assertThat(pay.get("kind")).isEqualTo("STIPEND");
		assertThat(cents(pay, "cents")).isEqualTo(7_500);
		assertThat(pay.get("fundingSource")).isEqualTo("Title II-A");

		String id = approved(teacher, admin, old);
		assertThat(cents(budgetYears(client(admin)).get(current(district).label()), "committedCents")).isEqualTo(7_500);
		pass(teacher, admin, old, id);
		Map<String, Map<String, Object>> years = budgetYears(client(admin));
		assertThat(cents(years.get(current(district).label()), "paidCents")).isEqualTo(7_500);

		String csv = client(admin).get().uri("/api/v1/payroll.csv").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		List<Map<String, String>> rows = Csv.parse(csv);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("pay_type")).isEqualTo("one-time");
		assertThat(rows.get(0).get("one_time_amount")).isEqualTo("75.00");
		assertThat(rows.get(0).get("annual_increase")).isEmpty();
		assertThat(rows.get(0).get("earned_on")).isEqualTo(LocalDate.now(CHICAGO).toString());
		// the title starts like a formula: the spreadsheet gets text
		assertThat(rows.get(0).get("microcredential")).startsWith("'=HYPERLINK");
	}

	@Test
	void releaseTimeAndCourseCreditGoToHrNotPayroll() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template release = oneTier(district, "Video Coaching", new Pay(Pay.Kind.RELEASE_TIME, 24_000, "Title II-A",
				null, null, null, false, 2.0, Pay.ReleaseUnit.DAYS, null, null));
		Template credit = oneTier(district, "Data Teams", new Pay(Pay.Kind.COURSE_CREDIT, 0, "State", null, null, null,
				false, 3.0, null, "Graduate credit", "Alverno College"));
		String a = approved(teacher, admin, release);
		String b = approved(teacher, admin, credit);
		pass(teacher, admin, release, a);
		pass(teacher, admin, credit, b);

		String payroll = client(admin).get().uri("/api/v1/payroll.csv").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(Csv.parse(payroll)).isEmpty();
		String hr = client(admin).get().uri("/api/v1/payroll/hr.csv").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		List<Map<String, String>> rows = Csv.parse(hr);
		assertThat(rows).hasSize(2);
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.get("kind")).isEqualTo("release time");
			assertThat(r.get("release_time")).isEqualTo("2");
			assertThat(r.get("release_unit")).isEqualTo("days");
			assertThat(r.get("value")).isEqualTo("240.00");
		});
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.get("kind")).isEqualTo("course credit");
			assertThat(r.get("credits")).isEqualTo("3");
			assertThat(r.get("credit_type")).isEqualTo("Graduate credit");
			assertThat(r.get("granting_body")).isEqualTo("Alverno College");
		});
		Map<String, Object> spending = client(admin).get().uri("/api/v1/spending").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		@SuppressWarnings("unchecked")
		Map<String, Object> total = (Map<String, Object>) spending.get("total");
		assertThat(cents(total, "releaseTimeCents")).isEqualTo(24_000);
		assertThat(((Number) total.get("releaseDays")).doubleValue()).isEqualTo(2.0);
		assertThat(((Number) total.get("credits")).doubleValue()).isEqualTo(3.0);
	}

	@Test
	void theDistrictKeepsItsFundingSourcesAndAuthorsFindPayProblemsBeforePublishing() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Map<String, Object> defaults = client(admin).get().uri("/api/v1/funding-sources").exchange()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(strings(defaults.get("sources"))).contains("Title II-A", "Title I", "State", "District", "Grant");
		Map<String, Object> saved = client(admin).put().uri("/api/v1/funding-sources")
			.bodyValue(Map.of("sources", List.of(" Title II-A", "Title IV-A", "Title II-A", "", "ESSER grant")))
			.exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(strings(saved.get("sources"))).containsExactly("Title II-A", "Title IV-A", "ESSER grant");
		client(teacher(district)).put().uri("/api/v1/funding-sources").bodyValue(Map.of("sources", List.of("Mine")))
			.exchange().expectStatus().isForbidden();
		client(admin).put().uri("/api/v1/funding-sources").bodyValue(Map.of("sources", List.of(" ")))
			.exchange().expectStatus().isEqualTo(422);

		// a salary increase that does not say when it starts
		Tier tier = new Tier("tier-1", "Evidence", "A reflection", List.of(), false, 0, null, 4, null,
				List.of(Parkway.reflection("reflection", 500, 600, 120, 180)),
				new Pay(Pay.Kind.SALARY_INCREASE, 40_000L, "District", null, null, null, null, null, null, null, null));
		org.cairn.template.TemplateContent content = new org.cairn.template.TemplateContent("Rubric design",
				"A summary", "Criteria", null, null, List.of(), null, RubricScale.twoLevel(), false, List.of(tier));
		Map<String, Object> problems = client(admin).post().uri("/api/v1/templates/validate").bodyValue(content)
			.exchange().expectBody(JSON).returnResult().getResponseBody();
		assertThat(String.valueOf(problems)).contains("tiers[0].pay.effective");
	}

}
