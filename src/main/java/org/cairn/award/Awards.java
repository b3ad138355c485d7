package org.cairn.award;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the award feature promises review (recording a pass once and announcing it), issuing and reports: an award is
 * claimed for issuing by one instance at a time (a lease that expires, so a crash mid-way is picked up by the sweep),
 * linked to its assertion exactly once, and found while it still has none. Renewals, the demo and bulk awards record
 * their awards here too, each once per award key. Only this class knows how those steps are stored in
 * {@code awards}.
 */
@Component
public class Awards {

	/** The lease field: set while an instance issues the award, removed when the assertion is linked. */
	private static final String CLAIMED_UNTIL = "issuingClaimedUntil";

	private final ReactiveMongoTemplate mongo;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Awards(ReactiveMongoTemplate mongo, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A pass that earns a badge, as review hands it over.
	 *
	 * @param awardKey unique, so a retried pass never awards twice
	 * @param tierKey the tier when it is awarded on its own; null for the whole microcredential
	 */
	public record NewAward(String awardKey, String districtId, String personId, String enrollmentId,
			String templateId, String tierKey, long stipendCents, List<String> publicEvidenceIds) {
	}

	/** The award key of a badge's renewal: one renewal per badge, whether the district or the teacher renews it. */
	public static String renewalKey(String renewedAssertionId) {
		return RENEWAL_PREFIX + renewedAssertionId;
	}

	/** The badge an award renews (from its key), or null when it is no renewal. */
	public static String renews(Award award) {
		return award.awardKey() != null && award.awardKey().startsWith(RENEWAL_PREFIX)
				? award.awardKey().substring(RENEWAL_PREFIX.length()) : null;
	}

	private static final String RENEWAL_PREFIX = "renewal:";

	/**
	 * Records the award and publishes {@link AwardGranted} for issuing; nothing when the award key was recorded
	 * before (a retried pass), so it is awarded once.
	 */
	public Mono<Award> grant(NewAward award) {
		return mongo
			.insert(new Award(null, award.awardKey(), award.districtId(), award.personId(), award.enrollmentId(),
					award.templateId(), award.tierKey(), award.stipendCents(), clock.instant(),
					award.publicEvidenceIds(), null, null))
			.doOnNext(stored -> events.publishEvent(new AwardGranted(stored.id())))
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
	}

	/**
	 * Records an award without announcing it (the caller issues it itself: a renewal, a demo badge), or answers the
	 * one recorded before under the same key, so a retry or a second instance gets the same award.
	 */
	public Mono<Award> recordOnce(NewAward award) {
		Query byKey = Query.query(Criteria.where("awardKey").is(award.awardKey()));
		return mongo.findOne(byKey, Award.class)
			.switchIfEmpty(Mono.defer(() -> mongo.insert(new Award(null, award.awardKey(), award.districtId(),
					award.personId(), award.enrollmentId(), award.templateId(), award.tierKey(), award.stipendCents(),
					clock.instant(), award.publicEvidenceIds(), null, null))))
			.onErrorResume(DuplicateKeyException.class, ex -> mongo.findOne(byKey, Award.class));
	}

	/**
	 * Records awards issued elsewhere (a bulk award chunk), each already holding its assertion, in one insert; one by
	 * one when some exist already (a chunk run again), so each award key is recorded exactly once.
	 */
	public Mono<Void> recordIssued(List<IssuedAward> issued, Instant awardedAt) {
		List<Award> batch = issued.stream()
			.map(a -> new Award(a.id(), a.awardKey(), a.districtId(), a.personId(), null, a.templateId(), a.tierKey(),
					0, awardedAt, List.of(), a.assertionId(), null))
			.toList();
		return mongo.insertAll(batch).then()
			.onErrorResume(org.springframework.dao.DataAccessException.class, ex -> Flux.fromIterable(batch)
				.concatMap(award -> mongo.insert(award).onErrorResume(DuplicateKeyException.class, dup -> Mono.empty()))
				.then());
	}

	/** An award issued before it is recorded (bulk awards): its id and assertion are chosen by the issuer. */
	public record IssuedAward(String id, String awardKey, String districtId, String personId, String templateId,
			String tierKey, String assertionId) {
	}

	/** A person's awards in the district. */
	public Flux<Award> ofPerson(String districtId, String personId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId).and("personId").is(personId)),
				Award.class);
	}

	/** The award with this id. */
	public Mono<Award> byId(String awardId) {
		return mongo.findById(awardId, Award.class);
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
