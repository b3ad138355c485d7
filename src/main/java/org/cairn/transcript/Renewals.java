package org.cairn.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cairn.award.AwardGranted;
import org.cairn.award.Awards;
import org.cairn.issuing.BadgeRecords;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Renewing a badge: the same badge issued again with a new validity (from the renewal's day, for the template's
 * {@code validFor}), through the ordinary award and issuing path, and linked to the badge it renews. The old badge
 * stays valid until it expires; it gets no more reminders. A renewal credits nothing: the hours were counted when
 * the badge was first earned.
 */
@Service
class Renewals {

	private final BadgeRecords badges;

	private final Awards awards;

	private final ApplicationEventPublisher events;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Renewals(BadgeRecords badges, Awards awards, ApplicationEventPublisher events,
			ReactiveMongoTemplate mongo, Clock clock) {
		this.badges = badges;
		this.awards = awards;
		this.events = events;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The link from a renewed badge (its id is this document's id) to the award that renews it.
	 *
	 * @param renewedBy who renewed it (a district administrator)
	 */
	@Document("transcript_renewals")
	record Renewal(@Id String renewedAssertionId, String districtId, String personId, String newAwardId,
			Instant renewedAt, String renewedBy) {
	}

	/** What a renewal answers: the new badge's id once issued (issuing runs right after; null until then). */
	record Renewed(String renewedAssertionId, String awardId, String assertionId) {
	}

	/** Idempotent: renewing the same badge again (a double click, two instances) is the same renewal. */
	Mono<Renewed> renew(String districtId, String assertionId, String adminId) {
		return badges.find(districtId, assertionId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge " + assertionId)))
			.flatMap(old -> {
				if (old.revoked()) {
					return Mono.error(ProblemException.of(TranscriptProblem.BADGE_REVOKED, "badge-revoked"));
				}
				return awards
					.recordOnce(new Awards.NewAward(Awards.renewalKey(old.assertionId()), districtId, old.personId(), null,
							old.templateId(), old.tierKey(), 0, List.of()))
					.flatMap(saved -> mongo
						.insert(new Renewal(old.assertionId(), districtId, old.personId(), saved.id(), clock.instant(),
								adminId))
						.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
						.then(Mono.fromRunnable(() -> events.publishEvent(new AwardGranted(saved.id()))))
						.then(awards.byId(saved.id()))
						.map(a -> new Renewed(old.assertionId(), a.id(), a.assertionId())));
			});
	}

	/** A person's renewals, by the renewed badge's id. */
	Mono<Map<String, Renewal>> of(String districtId, String personId) {
		return mongo
			.find(Query.query(Criteria.where("districtId").is(districtId).and("personId").is(personId)), Renewal.class)
			.collect(Collectors.toMap(Renewal::renewedAssertionId, r -> r));
	}

	Mono<Boolean> renewed(String assertionId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(assertionId)), Renewal.class);
	}

}
