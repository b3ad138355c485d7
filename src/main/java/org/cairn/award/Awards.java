package org.cairn.award;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.bson.Document;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the award feature promises issuing and reports: an award is claimed for issuing by one instance at a time (a lease that
 * expires, so a crash mid-way is picked up by the sweep), linked to its assertion exactly once, and found while it
 * still has none. Only this class knows how those steps are stored in {@code awards}.
 */
@Component
public class Awards {

	/** The lease field: set while an instance issues the award, removed when the assertion is linked. */
	private static final String CLAIMED_UNTIL = "issuingClaimedUntil";

	private final ReactiveMongoTemplate mongo;

	Awards(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** True when this caller now holds the award for {@code hold}: it has no assertion and no live claim. */
	public Mono<Boolean> claimForIssuing(String awardId, Instant now, Duration hold) {
		Query claimable = Query.query(Criteria.where("_id").is(awardId)
			.and("assertionId").is(null)
			.orOperator(Criteria.where(CLAIMED_UNTIL).is(null), Criteria.where(CLAIMED_UNTIL).lt(now)));
		return mongo.updateFirst(claimable, new Update().set(CLAIMED_UNTIL, now.plus(hold)), Award.class)
			.map(result -> result.getModifiedCount() == 1);
	}

	/** Sets the award's assertion id when it still points at {@code expected} (null when first issued). */
	public Mono<Void> linkAssertion(String awardId, String expected, String assertionId) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(awardId).and("assertionId").is(expected)),
				new Update().set("assertionId", assertionId).unset(CLAIMED_UNTIL).inc("version", 1), Award.class)
			.then();
	}

	/** Template id to the number of awards made from it in the district (for the coverage report). */
	public Mono<Map<String, Long>> countsByTemplate(String districtId) {
		Aggregation awardsByTemplate = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId).and("templateId").ne(null)),
				Aggregation.group("templateId").count().as("awards"));
		return mongo.aggregate(awardsByTemplate, "awards", Document.class)
			.collectMap(row -> row.getString("_id"), row -> ((Number) row.get("awards")).longValue());
	}

	/** Up to {@code limit} awards still without an assertion (for the catch-up sweep). */
	public Flux<Award> withoutAssertion(int limit) {
		return mongo.find(Query.query(Criteria.where("assertionId").is(null)).limit(limit), Award.class);
	}

}
