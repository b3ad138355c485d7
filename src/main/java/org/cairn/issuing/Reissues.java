package org.cairn.issuing;

import java.time.Clock;
import java.util.Set;

import org.cairn.account.Person;
import org.cairn.problem.ProblemException;
import org.cairn.webhook.Webhooks;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A badge re-issued to another verified address of the same person (issue 17): the new assertion is issued through
 * {@link Issuance} like any other (its 3.0 credential follows from {@code AssertionIssued}); this class keeps the
 * rules around it: whose badge, which address, once only, and the old one revoked as re-issued and linked.
 */
@Component
class Reissues {

	private final ReactiveMongoTemplate mongo;

	private final Issuance issuance;

	private final Issuers issuers;

	private final PublicUrls urls;

	private final Generations generations;

	private final Webhooks webhooks;

	private final Clock clock;

	Reissues(ReactiveMongoTemplate mongo, Issuance issuance, Issuers issuers, PublicUrls urls, Generations generations,
			Webhooks webhooks, Clock clock) {
		this.mongo = mongo;
		this.issuance = issuance;
		this.issuers = issuers;
		this.urls = urls;
		this.generations = generations;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	/**
	 * Re-issues a person's badge to another of their verified addresses: a new assertion (same badge, dates and
	 * published evidence; the district's current signing mode) to {@code email}, then the old one revoked with the
	 * reason {@link IssuedAssertion#REISSUED} and linked to the new one, and the award pointed at the new one. A retry
	 * (also after a crash between the steps) returns the same new assertion; a second re-issue of the same badge to
	 * another address is refused: the new badge is the one to re-issue.
	 *
	 * @param addresses the person's verified addresses (the caller's to check)
	 */
	Mono<IssuedAssertion> reissue(String districtId, String personId, Set<String> addresses,
			String assertionId, String email) {
		String to = Person.normalizeEmail(email);
		if (!addresses.contains(to)) {
			return Mono.error(ProblemException.of(IssuingProblem.NOT_YOUR_ADDRESS, "not-your-address", to));
		}
		return mongo.findOne(Query.query(Criteria.where("_id").is(assertionId).and("districtId").is(districtId)),
				IssuedAssertion.class)
			.filter(a -> personId.equals(a.personId())
					|| a.personId() == null && addresses.contains(a.recipientEmail()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Badge " + assertionId)))
			.flatMap(old -> mongo.findOne(Query.query(Criteria.where("issueKey").is("reissue:" + old.id())),
					IssuedAssertion.class)
				.flatMap(done -> to.equals(done.recipientEmail()) ? finishReissue(old, done)
						: Mono.error(ProblemException.of(IssuingProblem.ALREADY_REISSUED, "already-reissued", done.recipientEmail()).with("reissuedAs", done.id())))
				.switchIfEmpty(Mono.defer(() -> startReissue(old, personId, to))));
	}

	private Mono<IssuedAssertion> startReissue(IssuedAssertion old, String personId, String to) {
		if (old.revoked()) {
			return Mono.error(ProblemException.of(IssuingProblem.ASSERTION_REVOKED, "assertion-revoked-2"));
		}
		if (to.equals(old.recipientEmail())) {
			return Mono.error(ProblemException.invalid("email", "is the address this badge was issued to already"));
		}
		return issuers.badgeClassById(old.badgeClassId())
			.flatMap(badge -> issuance.issue(new Issuance.IssueRequest("reissue:" + old.id(), old.districtId(), old.awardId(),
					new Recipient(to, old.recipientName(), personId), badge, old.stipendCents(), old.id(), null,
					old.publishedEvidence().stream().map(PublishedEvidenceLink::evidenceId).toList(), old.renews(),
					new Issuance.Reissue(old.issuedOn(), old.expires(), urls.assertion(old.id())))))
			.flatMap(fresh -> finishReissue(old, fresh));
	}

	/** The old assertion revoked as re-issued and linked to the new one; the award follows the new one. */
	private Mono<IssuedAssertion> finishReissue(IssuedAssertion old, IssuedAssertion fresh) {
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(old.id()).and("revokedAt").is(null)),
					new Update().set("revokedAt", clock.instant()).set("revocationReason", IssuedAssertion.REISSUED)
						.set("replacedBy", fresh.id()),
					FindAndModifyOptions.options().returnNew(true), IssuedAssertion.class)
			.flatMap(revoked -> generations.bump(old.districtId())
				.then(webhooks.enqueue(old.districtId(), "assertion.revoked", revoked.id(), issuance.event(revoked))))
			.then(issuance.linkAward(old.awardId(), old.id(), fresh.id()))
			.thenReturn(fresh);
	}

}
