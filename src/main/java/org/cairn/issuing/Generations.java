package org.cairn.issuing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * This instance's view of every district's {@link Generation}. A change made here bumps the stored counter and
 * invalidates at once; changes made by other instances are seen by polling (every two seconds by default,
 * {@code cairn.issuing.cache-poll-ms}).
 */
@Component
class Generations implements SchedulingConfigurer {

	private final ReactiveMongoTemplate mongo;

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();

	/** The epoch of each district's latest change seen here. */
	private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

	/** Who drops what it keeps of a district when it changes (the documents, and the verifier's parsed copies). */
	private final java.util.List<Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Duration pollEvery;

	Generations(ReactiveMongoTemplate mongo, IssuingProperties properties) {
		this.mongo = mongo;
		this.pollEvery = properties.cachePollMs();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::poll, pollEvery, Duration.ZERO));
	}

	void onChange(Consumer<String> listener) {
		listeners.add(listener);
	}

	/** Advances on every change this instance sees, for any district: see {@link #changedSince}. */
	long epoch() {
		return epoch.get();
	}

	/**
	 * Whether this instance saw a change of the district after {@code epoch} (read before a load): what the load read
	 * of that district may predate the change, so it is not kept. Only the district's own changes count: a load is
	 * not thrown away because another district changed meanwhile (which made reads that raced, say, another
	 * district's first key read the store again, and tests that count store calls fail now and then).
	 */
	boolean changedSince(String districtId, long epoch) {
		return changedAt.getOrDefault(districtId, Long.MIN_VALUE) > epoch;
	}

	/**
	 * Drops this instance's cached documents of the district at once, for a change whose stored bump follows
	 * asynchronously (an event listener must not block): a request right after the change never sees stale data.
	 */
	void changedHere(String districtId) {
		changed(districtId);
	}

	/** Marks the change before dropping anything, so a load that finishes in between sees it (changedSince). */
	private void changed(String districtId) {
		changedAt.merge(districtId, epoch.incrementAndGet(), Math::max);
		listeners.forEach(listener -> listener.accept(districtId));
	}

	/** Tells other instances of a change nothing here has dropped yet: seeing the new counter drops it here too. */
	Mono<Void> bump(String districtId) {
		return increment(districtId).doOnNext(this::observe).then();
	}

	/**
	 * Tells other instances of a change {@link #changedHere} already dropped here. Seeing exactly this increment is
	 * then no change: dropping again when the asynchronous bump answered threw away documents loaded after the change,
	 * current ones, and a public read right after an award or a language choice went to the store (the
	 * certificate-from-memory tests failed now and then on a loaded machine). A counter that moved further (another
	 * instance changed the district too) still drops.
	 */
	Mono<Void> bumpDroppedHere(String districtId) {
		return increment(districtId).doOnNext(generation -> observe(generation, true)).then();
	}

	private Mono<Generation> increment(String districtId) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(districtId)), new Update().inc("counter", 1),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Generation.class);
	}

	void poll() {
		mongo.findAll(Generation.class).doOnNext(this::observe).then().block(Duration.ofSeconds(10));
	}

	/**
	 * A counter only grows: a poll that read it before this instance's own bump and answers after it is not a
	 * change (seeing it as one dropped the district's documents twice, once for the old value and again at the next
	 * poll for the new one).
	 */
	void observe(Generation generation) {
		observe(generation, false);
	}

	private void observe(Generation generation, boolean ownIncrementDroppedHere) {
		long counter = generation.counter();
		boolean[] newer = { false };
		seen.compute(generation.districtId(), (district, before) -> {
			boolean ownOnly = ownIncrementDroppedHere && counter == (before == null ? 1 : before + 1);
			newer[0] = (before == null || counter > before) && !ownOnly;
			return before == null ? counter : Math.max(before, counter);
		});
		if (newer[0]) {
			changed(generation.districtId());
		}
	}

}
