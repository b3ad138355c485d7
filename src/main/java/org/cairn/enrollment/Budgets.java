package org.cairn.enrollment;

import java.time.Clock;

import org.cairn.district.District;
import org.cairn.problem.ProblemException;
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
	 * Commits {@code cents} against the current fiscal year, or fails with {@code budget-exceeded} naming the
	 * committed, paid and remaining figures. Returns the ledger id.
	 */
	Mono<String> commit(District district, long cents) {
		FiscalYear year = currentYear(district);
		String id = BudgetLedger.idFor(district.id(), year);
		long ceiling = district.budgetCents() - cents;
		Query guarded = Query.query(Criteria.where("_id").is(id).and("spentCents").lte(ceiling));
		Update commit = new Update().inc("spentCents", cents).inc("committedCents", cents);
		return ensure(district.id(), year)
			.then(ceiling < 0 ? Mono.<BudgetLedger>empty()
					: mongo.findAndModify(guarded, commit, FindAndModifyOptions.options().returnNew(true),
							BudgetLedger.class))
			.map(BudgetLedger::id)
			.switchIfEmpty(Mono.defer(() -> ledger(district.id(), year).flatMap(ledger -> Mono.error(exceeded(district,
					ledger, cents)))));
	}

	/** A passed tier's stipend moves from committed to paid; spent is unchanged. */
	Mono<Void> pay(String ledgerId, long cents) {
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(ledgerId)),
					new Update().inc("committedCents", -cents).inc("paidCents", cents), BudgetLedger.class)
			.then();
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

	private static FiscalYear parse(String label) {
		if (label == null || !label.matches("FY\\d{4}")) {
			throw ProblemException.invalid("fiscalYear", "use the form FY2027");
		}
		return new FiscalYear(Integer.parseInt(label.substring(2)));
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
