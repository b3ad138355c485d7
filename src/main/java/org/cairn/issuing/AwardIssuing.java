package org.cairn.issuing;

import java.time.Duration;

import org.cairn.award.AwardGranted;
import org.cairn.award.AwardRepository;
import org.cairn.award.Awards;
import org.cairn.keys.KeysChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Issues on {@link AwardGranted} and, as a safety net, sweeps awards still without an assertion (a crash between
 * storing the award and issuing, or an event published on another instance that died).
 */
@Component
class AwardIssuing implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AwardIssuing.class);

	private final AwardRepository awards;

	private final Awards claims;

	private final Issuance issuance;

	private final Generations generations;

	private final Duration sweepEvery;

	private final java.util.concurrent.atomic.AtomicBoolean sweeping = new java.util.concurrent.atomic.AtomicBoolean();

	AwardIssuing(AwardRepository awards, Awards claims, Issuance issuance, Generations generations,
			IssuingProperties properties) {
		this.awards = awards;
		this.claims = claims;
		this.issuance = issuance;
		this.generations = generations;
		this.sweepEvery = properties.sweepMs();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, sweepEvery, sweepEvery));
	}

	@EventListener
	void on(AwardGranted event) {
		awards.findById(event.awardId())
			.flatMap(issuance::issueAward)
			.subscribe(a -> log.info("Issued assertion {} for award {}", a.id(), event.awardId()),
					ex -> log.warn("Issuing award {} failed; the sweep will retry: {}", event.awardId(), ex.toString()));
	}

	@EventListener
	void on(KeysChanged event) {
		// published right after the key is stored, on the request's thread: invalidate here now, tell other
		// instances through the stored generation
		generations.changedHere(event.districtId());
		generations.bumpDroppedHere(event.districtId()).subscribe();
	}

	void sweep() {
		// off the shared scheduler thread, so the cache invalidation poll is never held up by a long sweep
		if (sweeping.compareAndSet(false, true)) {
			sweepOnce().doFinally(signal -> sweeping.set(false))
				.subscribe(count -> { }, ex -> log.warn("Award sweep stopped: {}", ex.toString()));
		}
	}

	reactor.core.publisher.Mono<Long> sweepOnce() {
		return claims.withoutAssertion(200)
			.concatMap(award -> issuance.issueAward(award)
				.onErrorResume(ex -> {
					log.warn("Issuing award {} failed: {}", award.id(), ex.toString());
					return reactor.core.publisher.Mono.empty();
				}))
			.count();
	}

}
