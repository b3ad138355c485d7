package org.cairn.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counting per client in the shared store: one atomic upsert-and-increment per request, so every
 * instance behind the load balancer counts against the same window.
 */
@Component
class RateLimiter {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	RateLimiter(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The decision for one more request by {@code client}: allowed, or refused with the seconds until the next window. */
	Mono<Decision> hit(String client, int limit, Duration window) {
		Instant now = clock.instant();
		long size = Math.max(1, window.toSeconds());
		long start = now.getEpochSecond() / size * size;
		Instant end = Instant.ofEpochSecond(start + size);
		String id = client + "|" + start;
		Mono<RateWindow> increment = Mono.defer(() -> mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().inc("count", 1).setOnInsert("expiresAt", end),
				FindAndModifyOptions.options().upsert(true).returnNew(true), RateWindow.class));
		// two first requests racing to create the window: the loser's upsert hits the unique _id, and a retry
		// increments the winner's document
		return increment.onErrorResume(DuplicateKeyException.class, ex -> increment).map(w -> {
			long retryAfter = Math.max(1, end.getEpochSecond() - now.getEpochSecond());
			return new Decision(w.count() <= limit, w.count(), retryAfter);
		});
	}

	record Decision(boolean allowed, int count, long retryAfterSeconds) {
	}

}
