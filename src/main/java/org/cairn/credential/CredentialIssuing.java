package org.cairn.credential;

import jakarta.annotation.PreDestroy;
import org.cairn.issuing.AssertionIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issues the 3.0 credential as soon as its assertion exists, two at a time: a bulk award of thousands of badges
 * queues them rather than canonicalizing and signing thousands at once. Should this fail (or the instance stop
 * with a queue), the first request for a credential issues it instead: {@link Credentials#forAssertion} finds or
 * issues.
 */
@Component
class CredentialIssuing {

	private static final Logger log = LoggerFactory.getLogger(CredentialIssuing.class);

	/** Credentials issued at once from the queue: canonicalization and signing are CPU work. */
	static final int CONCURRENCY = 2;

	private final Sinks.Many<AssertionIssued> queue = Sinks.many().unicast().onBackpressureBuffer();

	private final Disposable worker;

	CredentialIssuing(Credentials credentials) {
		this.worker = queue.asFlux()
			.flatMap(event -> credentials.forAssertion(event.assertionId())
				.onErrorResume(ex -> {
					log.warn("Issuing the 3.0 credential of assertion {} failed; it is issued on first request"
							+ " instead: {}", event.assertionId(), ex.toString());
					return Mono.empty();
				}), CONCURRENCY)
			.subscribe();
	}

	@EventListener
	void on(AssertionIssued event) {
		// events arrive from several threads at once (bulk chunks): serialize the hand-off
		synchronized (queue) {
			queue.tryEmitNext(event);
		}
	}

	@PreDestroy
	void stop() {
		worker.dispose();
	}

}
