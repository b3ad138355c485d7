package org.cairn.issuing;

import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The issued assertions other features may read (sharing's public portfolio), without knowing how they are stored. */
@Component
public class Assertions {

	private final ReactiveMongoTemplate mongo;

	Assertions(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The person's assertions in the district that are not revoked, newest first. */
	public Flux<IssuedAssertion> current(String districtId, String personId) {
		Query current = Query.query(Criteria.where("districtId").is(districtId)
			.and("personId").is(personId)
			.and("revokedAt").isNull()).with(Sort.by(Sort.Direction.DESC, "issuedOn"));
		return mongo.find(current, IssuedAssertion.class);
	}

	/** Template id to the district's badges under it that are held now (not revoked): what a report counts. */
	public Mono<Map<String, Long>> currentCountsByTemplate(String districtId) {
		Aggregation currentByTemplate = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId).and("revokedAt").isNull()
					.and("templateId").ne(null)),
				Aggregation.group("templateId").count().as("badges"));
		return mongo.aggregate(currentByTemplate, IssuedAssertion.COLLECTION, Document.class)
			.collectMap(row -> row.getString("_id"), row -> ((Number) row.get("badges")).longValue());
	}

	/** Person id to the template versions of the badges they hold now (not revoked) in the district. */
	public Mono<Map<String, java.util.Set<String>>> heldTemplatesByPerson(String districtId) {
		Aggregation held = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId).and("revokedAt").isNull()
					.and("templateId").ne(null)),
				Aggregation.group("personId").addToSet("templateId").as("versions"));
		return mongo.aggregate(held, IssuedAssertion.COLLECTION, Document.class)
			.collectMap(row -> row.getString("_id"),
					row -> java.util.Set.copyOf(row.getList("versions", String.class)));
	}

}
