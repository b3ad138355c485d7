package org.cairn.enrollment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cairn.district.District;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Commits stipends against the fiscal-year budget and moves them to paid as tiers pass. */
@Component
class Budgets {

	/** The enrolments a ledger counts, so that a retried commit counts each once. */
	private static final String COUNTED = "commits";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Budgets(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	FiscalYear currentYear(District district) {
		return FiscalYear.of(district, clock.instant());
	}

	/**
	 * Commits an enrolment's amounts, each against its fiscal year, or none of them: one conditional increment per
	 * year ("only if spent + amount ≤ budget, and this enrolment is not yet counted"), so concurrent approvals on any
	 * number of instances cannot overspend any year, and a retried approval counts each year once. When a year would
	 * be overspent, the years already counted are given back and it fails with {@code budget-exceeded} naming that
	 * year's committed, paid and remaining figures.
	 */
	Mono<Void> commitAll(District district, String enrollmentId, List<Commitment> commitments) {
		Map<String, Long> byYear = new TreeMap<>();
		for (Commitment c : commitments) {
			byYear.merge(c.fiscalYear(), c.cents(), Long::sum);
		}
		List<Map.Entry<String, Long>> years = List.copyOf(byYear.entrySet());
		return commitFrom(district, enrollmentId, years, 0);
	}

	private Mono<Void> commitFrom(District district, String enrollmentId, List<Map.Entry<String, Long>> years,
			int index) {
		if (index == years.size()) {
			return Mono.empty();
		}
		FiscalYear year = FiscalYear.parse(years.get(index).getKey());
		long cents = years.get(index).getValue();
		return commitYear(district, enrollmentId, year, cents)
			.then(Mono.defer(() -> commitFrom(district, enrollmentId, years, index + 1)))
			.onErrorResume(ProblemException.class, ex -> index == 0 ? Mono.error(ex)
					: release(district.id(), enrollmentId, FiscalYear.parse(years.get(index - 1).getKey()),
							years.get(index - 1).getValue())
						.then(Mono.error(ex)));
	}

	private Mono<Void> commitYear(District district, String enrollmentId, FiscalYear year, long cents) {
		String id = BudgetLedger.idFor(district.id(), year);
		long ceiling = district.budgetCents() - cents;
		Query guarded = Query.query(Criteria.where("_id")
			.is(id)
			.and("spentCents")
			.lte(ceiling)
			.and(COUNTED)
			.ne(enrollmentId));
		Update commit = new Update().inc("spentCents", cents).inc("committedCents", cents).push(COUNTED, enrollmentId);
		return ensure(district.id(), year)
			.then(ceiling < 0 ? Mono.<BudgetLedger>empty()
					: mongo.findAndModify(guarded, commit, FindAndModifyOptions.options().returnNew(true),
							BudgetLedger.class))
			.switchIfEmpty(Mono.defer(() -> mongo
				.exists(Query.query(Criteria.where("_id").is(id).and(COUNTED).is(enrollmentId)), BudgetLedger.class)
				.flatMap(counted -> counted ? mongo.findById(id, BudgetLedger.class)
						: ledger(district.id(), year).flatMap(l -> Mono.error(exceeded(district, l, cents))))))
			.then();
	}

	/** Gives back a year an enrolment counted (a later year refused it); a no-op when it is not counted. */
	private Mono<Void> release(String districtId, String enrollmentId, FiscalYear year, long cents) {
		return mongo
			.updateFirst(
					Query.query(Criteria.where("_id").is(BudgetLedger.idFor(districtId, year)).and(COUNTED)
						.is(enrollmentId)),
					new Update().inc("spentCents", -cents).inc("committedCents", -cents).pull(COUNTED, enrollmentId),
					BudgetLedger.class)
			.then();
	}

	/** A year a settlement could not fund: what it needed beyond what approval committed there. */
	record Shortfall(String fiscalYear, long neededCents, long remainingCents) {
	}

	/**
	 * Settles an earned salary increase: in each fiscal year, what approval committed for the tier ({@code before})
	 * is replaced by what the increase really costs there ({@code after}, from its real start), and that is paid. One
	 * conditional update per year, marked with {@code marker} so a retry settles each year once, on any instance:
	 * {@code spent += after − before}, {@code committed −= before}, {@code paid += after}, only while
	 * {@code spent + (after − before) ≤ budget} when it grows. A year that cannot take the growth is never
	 * overspent: it pays what approval committed there (nothing in a year approval did not reach) and is answered
	 * as a {@link Shortfall} for the administrators. Years are independent: one refused year leaves the others
	 * settled.
	 *
	 * @return the years this call found short (a retry finds none: they are marked settled)
	 */
	Flux<Shortfall> settle(District district, String marker, Map<String, Long> before, Map<String, Long> after) {
		java.util.SortedSet<String> years = new java.util.TreeSet<>(before.keySet());
		years.addAll(after.keySet());
		return Flux.fromIterable(years).concatMap(label -> {
			long was = before.getOrDefault(label, 0L);
			long is = after.getOrDefault(label, 0L);
			return settleYear(district, marker, FiscalYear.parse(label), was, is);
		});
	}

	private Mono<Shortfall> settleYear(District district, String marker, FiscalYear year, long was, long is) {
		String id = BudgetLedger.idFor(district.id(), year);
		long growth = is - was;
		long ceiling = district.budgetCents() - growth;
		Criteria unsettled = Criteria.where("_id").is(id).and(COUNTED).ne(marker);
		Query guarded = Query.query(growth > 0 ? unsettled.and("spentCents").lte(ceiling) : unsettled);
		Update settle = new Update().inc("spentCents", growth).inc("committedCents", -was).inc("paidCents", is)
			.push(COUNTED, marker);
		// refused: what approval committed there is paid as it stood, and nothing more
		Update asCommitted = new Update().inc("committedCents", -was).inc("paidCents", was).push(COUNTED, marker);
		return ensure(district.id(), year)
			.then(growth > 0 && ceiling < 0 ? Mono.just(0L)
					: mongo.updateFirst(guarded, settle, BudgetLedger.class).map(r -> r.getModifiedCount()))
			.flatMap(settled -> settled > 0 ? Mono.<Shortfall>empty()
					: mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(COUNTED).ne(marker)), asCommitted,
							BudgetLedger.class)
						// modified nothing: a retry, or another instance, settled the year already
						.filter(r -> r.getModifiedCount() > 0)
						.flatMap(r -> ledger(district.id(), year))
						.map(l -> new Shortfall(year.label(), growth, district.budgetCents() - l.spentCents())));
	}

	/** Earned pay moves from committed to paid in its fiscal year; spent is unchanged. */
	Mono<Void> pay(String districtId, String fiscalYear, long cents) {
		return pay(districtId + ":" + fiscalYear, cents);
	}

	/** A passed tier's stipend moves from committed to paid; spent is unchanged. */
	Mono<Void> pay(String ledgerId, long cents) {
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(ledgerId)),
					new Update().inc("committedCents", -cents).inc("paidCents", cents), BudgetLedger.class)
			.then();
	}

	/**
	 * Each fiscal year's figures from the current one: at least {@code minYears}, and on to the last year anything
	 * is committed in (a salary increase commits years ahead).
	 */
	Flux<BudgetFigures> years(District district, int minYears) {
		FiscalYear current = currentYear(district);
		Query ahead = Query.query(Criteria.where("districtId").is(district.id()).and("fiscalYear").gte(current.label()));
		return mongo.find(ahead, BudgetLedger.class)
			.map(l -> FiscalYear.parse(l.fiscalYear()).endingYear())
			.reduce(current.endingYear() + minYears - 1, Math::max)
			.flatMapMany(last -> Flux.range(current.endingYear(), last - current.endingYear() + 1))
			.concatMap(ending -> ledger(district.id(), new FiscalYear(ending)).map(l -> BudgetFigures.of(district, l)));
	}

	Mono<BudgetFigures> figures(District district, String fiscalYear) {
		FiscalYear year = fiscalYear == null ? currentYear(district) : parse(fiscalYear);
		return ledger(district.id(), year).map(l -> BudgetFigures.of(district, l));
	}

	private Mono<BudgetLedger> ledger(String districtId, FiscalYear year) {
		return mongo.findById(BudgetLedger.idFor(districtId, year), BudgetLedger.class)
			.defaultIfEmpty(BudgetLedger.empty(districtId, year));
	}

	private Mono<Void> ensure(String districtId, FiscalYear year) {
		return mongo.insert(BudgetLedger.empty(districtId, year))
			.onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
			.then();
	}

	static FiscalYear parse(String label) {
		FiscalYear year = FiscalYear.parse(label);
		if (year == null) {
			throw ProblemException.invalid("fiscalYear", "use the form FY2027");
		}
		return year;
	}

	private static ProblemException exceeded(District district, BudgetLedger ledger, long requested) {
		BudgetFigures figures = BudgetFigures.of(district, ledger);
		return ProblemException.of(EnrollmentProblem.BUDGET_EXCEEDED, "budget-exceeded", cents(requested), cents(figures.remainingCents()), ledger.fiscalYear())
			.with("fiscalYear", ledger.fiscalYear())
			.with("budgetCents", figures.budgetCents())
			.with("committedCents", figures.committedCents())
			.with("paidCents", figures.paidCents())
			.with("remainingCents", figures.remainingCents())
			.with("requestedCents", requested);
	}

	private static String cents(long cents) {
		return String.format(java.util.Locale.ROOT, "$%d.%02d", cents / 100, Math.abs(cents % 100));
	}

	/** What an admin sees for one fiscal year. */
	record BudgetFigures(String fiscalYear, long budgetCents, long committedCents, long paidCents,
			long remainingCents) {

		static BudgetFigures of(District district, BudgetLedger ledger) {
			return new BudgetFigures(ledger.fiscalYear(), district.budgetCents(), ledger.committedCents(),
					ledger.paidCents(), district.budgetCents() - ledger.spentCents());
		}

	}

}
