package org.cairn.report;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.cairn.account.PeopleChanged;
import org.cairn.enrollment.EnrollmentsChanged;
import org.cairn.evidence.EvidenceChanged;
import org.cairn.issuing.AssertionIssued;
import org.cairn.issuing.AssertionRevoked;
import org.cairn.plan.PlansChanged;
import org.cairn.problem.ProblemException;
import org.cairn.review.SubmissionsChanged;
import org.cairn.template.TemplatesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reports, precomputed: each report a district opened is kept as a {@link ReportSnapshot}, so opening it again
 * reads two small documents instead of the district's people, enrolments, submissions and badges (seconds at
 * 100,000 assertions on the embedded store).
 * <p>
 * A snapshot is current while the district's {@link ReportChanges} counter has not moved since it was computed. The
 * features whose records the reports count announce every change (people, enrolments, submissions, evidence,
 * templates, badges issued and revoked); each announcement bumps the stored counter, so every instance sharing the
 * store sees the snapshot is out of date, and a restart changes nothing. A report opened while out of date is
 * computed then and there (so a change always shows); after a burst of changes this instance computes the district's
 * snapshots again in the background, so the next opening is quick again. Until a bump made here is stored, this
 * instance treats the district's snapshots as out of date, so a request right after a change never sees old figures;
 * another instance sees the bump as soon as it is stored. {@code POST /api/v1/reports/rebuild} computes the district's
 * reports again at once (after a change made to the store by hand), and a snapshot of an older {@link #FORMAT} is
 * computed again when opened (an upgrade rebuilds by itself).
 */
@Component
class ReportSnapshots {

	private static final Logger log = LoggerFactory.getLogger(ReportSnapshots.class);

	/** The shape of the stored reports; raise it when a report record changes. */
	static final int FORMAT = 1;

	static final String PARTICIPATION = "participation";

	static final String COVERAGE = "coverage";

	static final String TEMPLATE = "template/";

	static final String NEEDS = "needs";

	/** How long a burst of changes may go on before the background computes the district's reports again. */
	private static final Duration SETTLE = Duration.ofSeconds(2);

	private final ReactiveMongoTemplate mongo;

	private final Reports reports;

	private final NeedsReports needsReports;

	private final JsonMapper json;

	private final Clock clock;

	/** This instance's changes per district, not yet all covered by a stored bump. */
	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	/**
	 * Changes announced here in one district: {@code requested} counts them, {@code stored} is how many a stored
	 * bump covers. Bumps run one at a time and each covers every change announced before it started, so a bulk award
	 * of thousands of badges bumps the counter a few times, not thousands.
	 */
	private static final class Pending {

		final java.util.concurrent.atomic.AtomicLong requested = new java.util.concurrent.atomic.AtomicLong();

		volatile long stored;

		final java.util.concurrent.atomic.AtomicBoolean bumping = new java.util.concurrent.atomic.AtomicBoolean();

		volatile long lastChangeNanos;

		final java.util.concurrent.atomic.AtomicBoolean refreshWaiting = new java.util.concurrent.atomic.AtomicBoolean();

	}

	ReportSnapshots(ReactiveMongoTemplate mongo, Reports reports, NeedsReports needsReports, JsonMapper json,
			Clock clock) {
		this.mongo = mongo;
		this.reports = reports;
		this.needsReports = needsReports;
		this.json = json;
		this.clock = clock;
	}

	Mono<ParticipationReport> participation(String districtId) {
		return current(districtId, PARTICIPATION, ParticipationReport.class, () -> reports.participation(districtId));
	}

	Mono<CoverageReport> coverage(String districtId) {
		return current(districtId, COVERAGE, CoverageReport.class, () -> reports.coverage(districtId));
	}

	Mono<NeedsReport> needs(String districtId) {
		return current(districtId, NEEDS, NeedsReport.class, () -> needsReports.of(districtId));
	}

	Mono<TemplateReport> template(String districtId, String templateId) {
		return current(districtId, TEMPLATE + templateId, TemplateReport.class,
				() -> reports.template(districtId, templateId));
	}

	/** What a rebuild computed: the reports of the district that were kept, computed again now. */
	record Rebuilt(List<String> reports, java.time.Instant at) {
	}

	/** Marks every report of the district out of date, then computes again the ones it keeps (and the two overall). */
	Mono<Rebuilt> rebuild(String districtId) {
		return bump(districtId).then(refresh(districtId)).map(kinds -> new Rebuilt(kinds, clock.instant()));
	}

	private <T> Mono<T> current(String districtId, String kind, Class<T> type, Supplier<Mono<T>> compute) {
		String id = districtId + "/" + kind;
		return Mono.zip(counter(districtId), mongo.findById(id, ReportSnapshot.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())).flatMap(t -> {
				long counter = t.getT1();
				Optional<T> kept = t.getT2()
					.filter(s -> s.basedOn() == counter && s.format() == FORMAT && !changingHere(districtId))
					.flatMap(s -> read(s, type));
				if (kept.isPresent()) {
					return Mono.just(kept.get());
				}
				return compute.get()
					.flatMap(report -> mongo
						.save(new ReportSnapshot(id, districtId, kind, counter, FORMAT, json.writeValueAsString(report),
								clock.instant()))
						.thenReturn(report));
			});
	}

	private <T> Optional<T> read(ReportSnapshot snapshot, Class<T> type) {
		try {
			return Optional.of(json.readValue(snapshot.json(), type));
		}
		catch (JacksonException ex) {
			log.warn("Report snapshot {} could not be read; computing it again", snapshot.id(), ex);
			return Optional.empty();
		}
	}

	private Mono<Long> counter(String districtId) {
		return mongo.findById(districtId, ReportChanges.class).map(ReportChanges::counter).defaultIfEmpty(0L);
	}

	private boolean changingHere(String districtId) {
		Pending p = pending.get(districtId);
		return p != null && p.requested.get() > p.stored;
	}

	private Mono<Void> bump(String districtId) {
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(districtId)), new Update().inc("counter", 1L),
					FindAndModifyOptions.options().upsert(true).returnNew(true), ReportChanges.class)
			.then();
	}

	/** Computes again the district's kept reports (participation and coverage always); the kinds computed. */
	private Mono<List<String>> refresh(String districtId) {
		Flux<String> kept = mongo.find(Query.query(Criteria.where("districtId").is(districtId)).with(Sort.by("_id")),
				ReportSnapshot.class).map(ReportSnapshot::kind);
		return Flux.concat(Flux.just(PARTICIPATION, COVERAGE), kept)
			.distinct()
			.concatMap(kind -> compute(districtId, kind).thenReturn(kind)
				.onErrorResume(ProblemException.class, gone -> mongo
					.remove(Query.query(Criteria.where("_id").is(districtId + "/" + kind)), ReportSnapshot.class)
					.then(Mono.empty())))
			.collectList();
	}

	private Mono<?> compute(String districtId, String kind) {
		if (kind.startsWith(TEMPLATE)) {
			return template(districtId, kind.substring(TEMPLATE.length()));
		}
		if (kind.equals(NEEDS)) {
			return needs(districtId);
		}
		return kind.equals(COVERAGE) ? coverage(districtId) : participation(districtId);
	}

	/**
	 * A change to something the reports count: bumps the stored counter (an event listener must not block, so the
	 * bump runs on its own; until it is stored this instance treats the district's snapshots as out of date), then,
	 * once the district's changes pause, computes its reports again.
	 */
	private void changed(String districtId) {
		if (districtId == null) {
			return;
		}
		Pending p = pending.computeIfAbsent(districtId, d -> new Pending());
		p.lastChangeNanos = System.nanoTime();
		p.requested.incrementAndGet();
		drain(districtId, p);
	}

	private void drain(String districtId, Pending p) {
		if (!p.bumping.compareAndSet(false, true)) {
			return;
		}
		long covers = p.requested.get();
		bump(districtId).subscribe(done -> {
		}, error -> {
			p.bumping.set(false);
			log.warn("Could not mark the reports of district {} out of date", districtId, error);
		}, () -> {
			p.stored = Math.max(p.stored, covers);
			p.bumping.set(false);
			if (p.requested.get() > p.stored) {
				drain(districtId, p);
			}
			else {
				refreshWhenSettled(districtId, p);
			}
		});
	}

	/** Computes the district's reports again after {@link #SETTLE} without a change here (checked again if one came). */
	private void refreshWhenSettled(String districtId, Pending p) {
		if (!p.refreshWaiting.compareAndSet(false, true)) {
			return;
		}
		Mono.defer(() -> {
			Duration quiet = Duration.ofNanos(System.nanoTime() - p.lastChangeNanos);
			return quiet.compareTo(SETTLE) >= 0 ? Mono.just(0L) : Mono.delay(SETTLE.minus(quiet)).then(Mono.empty());
		})
			.repeatWhenEmpty(Integer.MAX_VALUE, attempts -> attempts)
			.doOnNext(settled -> p.refreshWaiting.set(false))
			.then(Mono.defer(() -> refresh(districtId)))
			.subscribe(kinds -> {
			}, error -> {
				p.refreshWaiting.set(false);
				log.warn("Could not compute the reports of district {} again", districtId, error);
			});
	}

	@EventListener
	void on(PeopleChanged event) {
		changed(event.districtId());
	}

	@EventListener
	void on(EnrollmentsChanged event) {
		changed(event.districtId());
	}

	@EventListener
	void on(SubmissionsChanged event) {
		changed(event.districtId());
	}

	@EventListener
	void on(EvidenceChanged event) {
		changed(event.districtId());
	}

	@EventListener
	void on(TemplatesChanged event) {
		changed(event.districtId());
	}

	@EventListener
	void on(AssertionIssued event) {
		changed(event.districtId());
	}

	@EventListener
	void on(AssertionRevoked event) {
		changed(event.districtId());
	}

	@EventListener
	void on(PlansChanged event) {
		changed(event.districtId());
	}

}
