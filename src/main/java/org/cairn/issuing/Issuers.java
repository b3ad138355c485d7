package org.cairn.issuing;

import org.cairn.openbadges.OpaqueIds;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Issuer and BadgeClass public ids, created on first need (unique indexes make concurrent creation converge). */
@Component
public class Issuers {

	private final ReactiveMongoTemplate mongo;

	Issuers(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<IssuerRecord> forDistrict(String districtId) {
		Query query = Query.query(Criteria.where("districtId").is(districtId));
		return mongo.findOne(query, IssuerRecord.class)
			.switchIfEmpty(Mono.defer(() -> mongo
				.insert(new IssuerRecord(OpaqueIds.next(), districtId, VerificationMode.HOSTED, false, true, null, null, null))
				.onErrorResume(DuplicateKeyException.class, ex -> mongo.findOne(query, IssuerRecord.class))));
	}

	Mono<IssuerRecord> byId(String id) {
		return mongo.findById(id, IssuerRecord.class);
	}

	Mono<IssuerRecord> save(IssuerRecord record) {
		return mongo.save(record);
	}

	public Mono<BadgeClassRecord> badgeClass(String districtId, String templateId, String tierKey) {
		String key = BadgeClassRecord.key(templateId, tierKey);
		Query query = Query.query(Criteria.where("key").is(key));
		return mongo.findOne(query, BadgeClassRecord.class)
			.switchIfEmpty(Mono.defer(() -> mongo
				.insert(new BadgeClassRecord(OpaqueIds.next(), key, districtId, templateId, tierKey))
				.onErrorResume(DuplicateKeyException.class, ex -> mongo.findOne(query, BadgeClassRecord.class))));
	}

	/** The district's badge classes (each made when a badge of it was first issued). */
	public reactor.core.publisher.Flux<BadgeClassRecord> badgeClassesOf(String districtId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId)), BadgeClassRecord.class);
	}

	public Mono<BadgeClassRecord> badgeClassById(String id) {
		return mongo.findById(id, BadgeClassRecord.class);
	}

}
