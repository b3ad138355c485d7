package org.cairn.credential;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.cairn.bulk.BulkChunkWork;
import org.cairn.issuing.AssertionIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues the 3.0 credential as soon as its assertion exists, two at a time, so one award's credential is there when
 * its holder looks. A bulk award's credentials trail the job instead: they wait until no bulk chunk is being worked
 * on this instance ({@code BulkChunkWork}) and none has stored an assertion here for {@link #QUIET}, then are issued
 * one at a time, so canonicalizing thousands of
 * credentials never competes with the job's signing and store writes (a JFR profile of a bulk award showed them
 * taking a tenth to a fifth of the CPU). Should this fail (or the instance stop with a queue), the first request for
 * a credential issues it instead: {@link Credentials#forAssertion} finds or issues.
 */
@Component
class CredentialIssuing {

	private static final Logger log = LoggerFactory.getLogger(CredentialIssuing.class);

	/** Credentials issued at once from the queue: canonicalization and signing are CPU work. */
	static final int CONCURRENCY = 2;

	/** How long no bulk chunk may have stored an assertion here before the trailing credentials are issued. */
	static final Duration QUIET = Duration.ofSeconds(2);

	private final Credentials credentials;

	private final Sinks.Many<AssertionIssued> queue = Sinks.many().unicast().onBackpressureBuffer();

	/** Assertion ids of bulk awards whose credential trails the job (in memory: lost ones are issued on request). */
	private final Queue<String> trailing = new ConcurrentLinkedQueue<>();

	private final AtomicLong lastBulkAssertion = new AtomicLong(System.nanoTime() - QUIET.toNanos());

	/** Bulk chunks this instance's workers are on now: none may be under way when trailing credentials are issued. */
	private final AtomicInteger bulkChunks = new AtomicInteger();

	private final Disposable worker;

	private final Disposable trailer;

	CredentialIssuing(Credentials credentials) {
		this.credentials = credentials;
		this.worker = queue.asFlux()
			.flatMap(event -> issue(event.assertionId()), CONCURRENCY)
			.subscribe();
		this.trailer = Flux.interval(QUIET.dividedBy(4))
			.onBackpressureDrop()
			.concatMap(tick -> issueTrailing(), 1)
			.subscribe();
	}

	@EventListener
	void on(AssertionIssued event) {
		if (event.inBulk()) {
			lastBulkAssertion.set(System.nanoTime());
			trailing.add(event.assertionId());
			return;
		}
		// events arrive from several threads at once: serialize the hand-off
		synchronized (queue) {
			queue.tryEmitNext(event);
		}
	}

	/**
	 * A chunk worked here counts as busy from start to end (on a loaded machine a chunk's signing alone can outlast
	 * {@link #QUIET}, which let credentials compete with the job it should trail).
	 */
	@EventListener
	void on(BulkChunkWork work) {
		if (work.done()) {
			bulkChunks.updateAndGet(n -> Math.max(0, n - 1));
		}
		else {
			bulkChunks.incrementAndGet();
		}
		lastBulkAssertion.set(System.nanoTime());
	}

	private boolean bulkQuiet() {
		return bulkChunks.get() == 0 && System.nanoTime() - lastBulkAssertion.get() >= QUIET.toNanos();
	}

	/** Issues the trailing credentials one at a time while no bulk chunk stores assertions here. */
	private Mono<Void> issueTrailing() {
		if (trailing.isEmpty() || !bulkQuiet()) {
			return Mono.empty();
		}
		return Flux.<String>generate(sink -> {
			String next = bulkQuiet() ? trailing.poll() : null;
			if (next == null) {
				sink.complete();
			}
			else {
				sink.next(next);
			}
		})
			// no prefetch: the next id is taken only when the previous credential is done, so a job starting meanwhile
			// stops the trail after the credential in hand (a prefetch of 32 kept ~2 s of canonicalizing going)
			.concatMap(this::issue, 0)
			.count()
			.filter(issued -> issued > 0)
			.doOnNext(issued -> log.info("Issued {} trailing Open Badges 3.0 credentials of bulk awards; {} still trailing",
					issued, trailing.size()))
			.then();
	}

	private Mono<StoredCredential> issue(String assertionId) {
		return credentials.forAssertion(assertionId).onErrorResume(ex -> {
			log.warn("Issuing the 3.0 credential of assertion {} failed; it is issued on first request instead: {}",
					assertionId, ex.toString());
			return Mono.empty();
		});
	}

	@PreDestroy
	void stop() {
		worker.dispose();
		trailer.dispose();
	}

}
