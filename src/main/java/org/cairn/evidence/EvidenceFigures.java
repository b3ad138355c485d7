package org.cairn.evidence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** The evidence figures reports read, computed by the store: the published query interface of {@code evidence}. */
@Component
public class EvidenceFigures {

	private final ReactiveMongoTemplate mongo;

	EvidenceFigures(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Tier key to the enrolments that saved any evidence for it (kept or withdrawn). */
	public Mono<Map<String, Set<String>>> startedTiers(Collection<String> enrollmentIds) {
		if (enrollmentIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		Aggregation perTierAndEnrollment = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("enrollmentId").in(enrollmentIds)),
				Aggregation.group("tierKey", "enrollmentId"));
		return mongo.aggregate(perTierAndEnrollment, "evidence", Document.class)
			.collect(HashMap::new, (map, row) -> {
				Document key = row.get("_id", Document.class);
				map.computeIfAbsent(key.getString("tierKey"), k -> new HashSet<>()).add(key.getString("enrollmentId"));
			});
	}

}
