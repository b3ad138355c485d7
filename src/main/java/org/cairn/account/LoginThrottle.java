package org.cairn.account;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Counts failed sign-ins per email and per client address in fixed windows, in MongoDB, so every instance behind
 * the load balancer sees the same counts. Unknown emails count exactly like known ones, so the limit reveals
 * nothing about which accounts exist. The per-address limit is higher because a whole school often shares one
 * public address.
 */
@Component
class LoginThrottle {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final int maxPerEmail;

	private final int maxPerAddress;

	private final Duration window;

	LoginThrottle(ReactiveMongoTemplate mongo, Clock clock, LoginProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.maxPerEmail = properties.maxFailuresPerEmail();
		this.maxPerAddress = properties.maxFailuresPerAddress();
		this.window = properties.failureWindow();
	}

	/** Completes empty when sign-in may be tried, or fails with 429 {@code too-many-attempts}. */
	Mono<Void> check(String email, ServerWebExchange exchange) {
		Window current = window();
		List<String> ids = List.of(current.id(emailKey(email)), current.id(addressKey(exchange)));
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), LoginFailures.class)
			.filter(f -> f.count() >= (f.id().startsWith("email:") ? maxPerEmail : maxPerAddress))
			.hasElements()
			.flatMap(blocked -> blocked ? Mono.error(tooMany(current, exchange)) : Mono.empty());
	}

	Mono<Void> recordFailure(String email, ServerWebExchange exchange) {
		Window current = window();
		return Flux.just(emailKey(email), addressKey(exchange))
			.flatMap(key -> mongo.upsert(Query.query(Criteria.where("_id").is(current.id(key))),
					new Update().inc("count", 1).setOnInsert("expiresAt", current.end()), LoginFailures.class))
			.then();
	}

	/** A successful sign-in forgives the email's failures (not the address's: others share it). */
	Mono<Void> recordSuccess(String email) {
		Window current = window();
		return mongo.remove(Query.query(Criteria.where("_id").is(current.id(emailKey(email)))), LoginFailures.class)
			.then();
	}

	private ProblemException tooMany(Window current, ServerWebExchange exchange) {
		long seconds = Math.max(1, Duration.between(clock.instant(), current.end()).toSeconds());
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
		return ProblemException.of(AccountProblem.TOO_MANY_ATTEMPTS, "too-many-attempts", Math.max(1, (seconds + 59) / 60))
			.with("retryAfterSeconds", seconds);
	}

	private Window window() {
		long size = window.toMillis();
		long start = clock.millis() / size * size;
		return new Window(start, Instant.ofEpochMilli(start + size));
	}

	private static String emailKey(String email) {
		// Hashed: the collection needs no personal data to do its job.
		return "email:" + SecretTokens.hash(Person.normalizeEmail(email));
	}

	private static String addressKey(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = remote == null || remote.getAddress() == null ? "unknown"
				: remote.getAddress().getHostAddress();
		return "address:" + address;
	}

	private record Window(long start, Instant end) {

		String id(String key) {
			return key + "@" + start;
		}

	}

	/** Failures of one key in one window; MongoDB's TTL index drops it when the window is over. */
	@Document("login_failures")
	record LoginFailures(@Id String id, int count, @Indexed(expireAfter = "0s") Instant expiresAt) {
	}

}
