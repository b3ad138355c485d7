package org.cairn.issuing;

import java.time.Instant;

import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What other features may read about issued badges (transcripts, hours, expiry): each badge as issued, with the
 * URLs anyone verifies it at. Read-only; issuing alone writes assertions.
 */
@Component
public class BadgeRecords {

	private final ReactiveMongoTemplate mongo;

	private final PublicUrls urls;

	private final Issuers issuers;

	BadgeRecords(ReactiveMongoTemplate mongo, PublicUrls urls, Issuers issuers) {
		this.mongo = mongo;
		this.urls = urls;
		this.issuers = issuers;
	}

	/**
	 * One issued badge.
	 *
	 * @param tierKey the tier it was earned for, or null for the whole microcredential
	 * @param verificationUrl the hosted assertion's URL: what certificates print and QR codes carry
	 * @param assertionJson the assertion exactly as issued
	 * @param jws the compact JWS for a signed badge, or null
	 */
	public record IssuedBadge(String assertionId, String awardId, String districtId, String personId, String recipientName,
			String recipientEmail, String templateId, String tierKey, Instant issuedOn, Instant expires,
			boolean revoked, String verificationUrl, String certificateUrl, String assertionJson, String jws) {

		public boolean expiredAt(Instant now) {
			return expires != null && !expires.isAfter(now);
		}

	}

	/** Who signs for the district on its documents (certificates, transcripts); both null when nobody does. */
	public record Signatory(String name, String title) {
	}

	/** A person's badges that are not revoked, newest first (expired ones included: callers decide). */
	public Flux<IssuedBadge> notRevokedOf(String districtId, String personId) {
		return mongo
			.find(Query.query(Criteria.where("districtId").is(districtId).and("personId").is(personId)
				.and("revokedAt").isNull()).with(Sort.by(Sort.Direction.DESC, "issuedOn")), IssuedAssertion.class)
			.map(this::view);
	}

	/** A district's badges issued in {@code [from, to)} that are not revoked, oldest first. */
	public Flux<IssuedBadge> issuedIn(String districtId, Instant from, Instant to) {
		return mongo
			.find(Query.query(Criteria.where("districtId").is(districtId).and("revokedAt").isNull()
				.and("issuedOn").gte(from).lt(to)).with(Sort.by(Sort.Direction.ASC, "issuedOn")),
					IssuedAssertion.class)
			.map(this::view);
	}

	/** Every district's badges that expire in {@code (from, to]} and are not revoked, soonest first. */
	public Flux<IssuedBadge> expiringBetween(Instant from, Instant to) {
		return mongo
			.find(Query.query(Criteria.where("revokedAt").isNull().and("expires").gt(from).lte(to))
				.with(Sort.by(Sort.Direction.ASC, "expires")), IssuedAssertion.class)
			.map(this::view);
	}

	/**
	 * One page of a district's badges that expire in {@code (from, to]}, expired or not, that are not revoked, soonest
	 * first (the index {@code district_expires} serves it in order).
	 */
	public Flux<IssuedBadge> expiringBetween(String districtId, Instant from, Instant to, ListPage page) {
		return mongo
			.find(page.apply(Query.query(Criteria.where("districtId").is(districtId).and("revokedAt").isNull()
				.and("expires").gt(from).lte(to)).with(Sort.by(Sort.Direction.ASC, "expires").and(Sort.by("_id")))),
					IssuedAssertion.class)
			.map(this::view);
	}

	/** One badge of the district, revoked or not. */
	public Mono<IssuedBadge> find(String districtId, String assertionId) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(assertionId).and("districtId").is(districtId)),
				IssuedAssertion.class).map(this::view);
	}

	public Mono<Signatory> signatory(String districtId) {
		return issuers.forDistrict(districtId).map(i -> new Signatory(i.signatoryName(), i.signatoryTitle()));
	}

	private IssuedBadge view(IssuedAssertion a) {
		return new IssuedBadge(a.id(), a.awardId(), a.districtId(), a.personId(), a.recipientName(), a.recipientEmail(),
				a.templateId(), a.tierKey(), a.issuedOn(), a.expires(), a.revoked(), urls.assertion(a.id()),
				urls.certificate(a.id()), a.document(), a.jws());
	}

}
