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

	private volatile Consumer<String> onChange = districtId -> {
	};

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
		this.onChange = listener;
	}

	/** Advances on every change this instance sees, for any district: a load spanning a change is not cached. */
	long epoch() {
		return epoch.get();
	}

	/**
	 * Drops this instance's cached documents of the district at once, for a change whose stored bump follows
	 * asynchronously (an event listener must not block): a request right after the change never sees stale data.
	 */
	void changedHere(String districtId) {
		epoch.incrementAndGet();
		onChange.accept(districtId);
	}

	Mono<Void> bump(String districtId) {
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(districtId)), new Update().inc("counter", 1),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Generation.class)
			.doOnNext(this::observe)
			.then();
	}

	void poll() {
		mongo.findAll(Generation.class).doOnNext(this::observe).then().block(Duration.ofSeconds(10));
	}

	private void observe(Generation generation) {
		Long before = seen.put(generation.districtId(), generation.counter());
		if (before == null || before != generation.counter()) {
			epoch.incrementAndGet();
			onChange.accept(generation.districtId());
		}
	}

}
