package org.cairn.issuing;

import java.util.List;

import org.cairn.district.DistrictRepository;
import org.cairn.keys.Keys;
import org.cairn.openbadges.Assertion;
import org.cairn.openbadges.Evidence;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** {@link IssuedBadges} from the stored assertions and the cached public documents. */
@Component
class IssuedBadgeLookup implements IssuedBadges {

	private final ReactiveMongoTemplate mongo;

	private final PublicDocuments documents;

	private final BadgeDocuments badges;

	private final Issuers issuers;

	private final DistrictRepository districts;

	private final Keys keys;

	private final JsonMapper json;

	IssuedBadgeLookup(ReactiveMongoTemplate mongo, PublicDocuments documents, BadgeDocuments badges, Issuers issuers,
			DistrictRepository districts, Keys keys, JsonMapper json) {
		this.mongo = mongo;
		this.documents = documents;
		this.badges = badges;
		this.issuers = issuers;
		this.districts = districts;
		this.keys = keys;
		this.json = json;
	}

	@Override
	public Mono<IssuedBadge> find(String assertionId) {
		return mongo.findById(assertionId, IssuedAssertion.class).flatMap(this::badge);
	}

	@Override
	public Flux<IssuedBadge> ofPerson(String personId) {
		return mongo
			.find(Query.query(Criteria.where("personId").is(personId)).with(Sort.by(Sort.Direction.DESC, "issuedOn")),
					IssuedAssertion.class)
			.concatMap(this::badge);
	}

	@Override
	public Mono<Issuer> issuer(String issuerId) {
		return issuers.byId(issuerId).flatMap(this::issuer);
	}

	@Override
	public Mono<Issuer> issuerOfDistrict(String districtId) {
		return issuers.forDistrict(districtId).flatMap(this::issuer);
	}

	@Override
	public Mono<VerificationMode> defaultMode(String districtId) {
		return issuers.forDistrict(districtId).map(IssuerRecord::defaultMode);
	}

	@Override
	public Flux<Revoked> revoked(String districtId) {
		return mongo
			.find(Query.query(Criteria.where("districtId").is(districtId).and("revokedAt").ne(null))
				.with(Sort.by("revokedAt")), IssuedAssertion.class)
			.map(a -> new Revoked(a.id(), a.revokedAt(), a.revocationReason()));
	}

	private Mono<Issuer> issuer(IssuerRecord record) {
		return districts.findById(record.districtId())
			.zipWith(keys.all(record.districtId()).collectList())
			.map(t -> new Issuer(record.id(), record.districtId(), badges.issuer(record, t.getT1(), t.getT2())));
	}

	private Mono<IssuedBadge> badge(IssuedAssertion a) {
		return documents.badgeContext(a.badgeClassId()).flatMap(ctx -> issuer(ctx.issuer()).map(issuer -> {
			List<Evidence> evidence = a.document() == null ? List.of()
					: json.readValue(a.document(), Assertion.class).evidence();
			return new IssuedBadge(a.id(), a.districtId(), ctx.issuer().id(), a.personId(), a.recipientEmail(),
					a.recipientName(), a.issuedOn(), a.expires(), a.revokedAt(), a.revocationReason(), a.tierKey(),
					badges.badge(ctx.record(), ctx.template(), ctx.issuer()), issuer.profile(), ctx.template(),
					evidence == null ? List.of() : evidence);
		}));
	}

}
