package org.cairn.review;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** The review figures reports read, computed by the store: the published query interface of {@code submissions}. */
@Component
public class ReviewFigures {

	private final ReactiveMongoTemplate mongo;

	ReviewFigures(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One attempt of a submission: its tier and enrolment, the submission's state now, the attempt's outcome (null
	 * while undecided) and times.
	 */
	public record AttemptRow(String tierKey, String enrollmentId, SubmissionState state, String outcome,
			Instant submittedAt, Instant decidedAt) {
	}

	/** One row per attempt of every submission of these template versions in the district. */
	public Flux<AttemptRow> attempts(String districtId, Collection<String> templateIds) {
		Aggregation perAttempt = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId).and("templateId").in(templateIds)),
				Aggregation.unwind("attempts"),
				Aggregation.stage(new Document("$project",
						new Document("tierKey", 1).append("enrollmentId", 1)
							.append("state", 1)
							.append("outcome", "$attempts.outcome")
							.append("submittedAt", "$attempts.submittedAt")
							.append("decidedAt", "$attempts.decidedAt"))));
		return mongo.aggregate(perAttempt, "submissions", Document.class)
			.map(row -> new AttemptRow(row.getString("tierKey"), row.getString("enrollmentId"),
					SubmissionState.valueOf(row.getString("state")), row.getString("outcome"),
					instant(row.get("submittedAt", Date.class)), instant(row.get("decidedAt", Date.class))));
	}

	/** Person id to the number of tiers they passed in the district. */
	public Mono<Map<String, Long>> passesByPerson(String districtId) {
		Aggregation passesByPerson = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("districtId").is(districtId).and("state").is(SubmissionState.PASSED)),
				Aggregation.group("personId").count().as("passed"));
		return mongo.aggregate(passesByPerson, "submissions", Document.class)
			.collectMap(row -> row.getString("_id"), row -> ((Number) row.get("passed")).longValue());
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
