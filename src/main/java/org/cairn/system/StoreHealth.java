package org.cairn.system;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Store health through {@code ping}, which both MongoDB and the embedded server answer (Boot's own indicator sends
 * {@code hello}, which the embedded server does not know).
 */
@Component("store")
class StoreHealth extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	StoreHealth(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return mongo.executeCommand(new Document("ping", 1)).map(reply -> builder.up().build());
	}

}
