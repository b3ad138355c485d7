package org.cairn.enrollment;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The enrolment figures reports read: small projected rows and per-person groupings the store computes, never whole
 * documents. The published query interface of {@code enrollments} and {@code stipends}.
 */
@Component
public class EnrollmentFigures {

	private final ReactiveMongoTemplate mongo;

	EnrollmentFigures(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** An enrolment reduced to what a template report counts. */
	public record StateRow(String enrollmentId, EnrollmentState state) {
	}

	/** The district's enrolments in these template versions, with their state. */
	public Flux<StateRow> states(String districtId, Collection<String> templateIds) {
		Query query = Query.query(Criteria.where("districtId").is(districtId).and("templateId").in(templateIds));
		query.fields().include("state");
		return mongo.find(query, Document.class, "enrollments")
			.map(row -> new StateRow(row.get("_id").toString(), EnrollmentState.valueOf(row.getString("state"))));
	}

	/** Person id to the states of their enrolments in the district (each state once). */
	public Mono<Map<String, List<String>>> statesByPerson(String districtId) {
		Aggregation statesByPerson = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId)),
				Aggregation.group("personId").addToSet("state").as("states"));
		return mongo.aggregate(statesByPerson, "enrollments", Document.class)
			.collectMap(row -> row.getString("_id"), row -> row.getList("states", String.class));
	}

	/** Person id to the stipends (cents) they earned in the district. */
	public Mono<Map<String, Long>> stipendCentsByPerson(String districtId) {
		Aggregation stipendsByPerson = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId)),
				Aggregation.group("personId").sum("cents").as("cents"));
		return mongo.aggregate(stipendsByPerson, "stipends", Document.class)
			.collectMap(row -> row.getString("_id"), row -> ((Number) row.get("cents")).longValue());
	}

	/** Person id to the template versions they pursue in the district (enrolments in any state but declined). */
	public Mono<Map<String, java.util.Set<String>>> templatesByPerson(String districtId) {
		Aggregation pursued = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId)
					.and("state").ne(EnrollmentState.DECLINED.name())),
				Aggregation.group("personId").addToSet("templateId").as("versions"));
		return mongo.aggregate(pursued, "enrollments", Document.class)
			.collectMap(row -> row.getString("_id"),
					row -> java.util.Set.copyOf(row.getList("versions", String.class)));
	}

}
