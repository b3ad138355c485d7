package org.cairn.endorsement;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.cairn.endorsement.StoredEndorsement.Decision;
import org.cairn.openbadges.AcceptedEndorsements;
import org.cairn.openbadges.HostedDocuments;
import org.cairn.openbadges.OpenBadgeCredential;
import org.cairn.openbadges.RevocationList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The public endorsement documents, read from the store on each request (a withdrawal shows at once on every
 * instance), for the endpoints, for in-process lookups by verification, and for the features publishing what was
 * endorsed ({@link AcceptedEndorsements}: only endorsements the endorsed district accepted and nobody withdrew).
 */
@Component
class EndorsementDocuments implements AcceptedEndorsements, HostedDocuments {

	private final ReactiveMongoTemplate mongo;

	private final EndorsementUrls urls;

	private final JsonMapper json;

	EndorsementDocuments(ReactiveMongoTemplate mongo, EndorsementUrls urls, JsonMapper json) {
		this.mongo = mongo;
		this.urls = urls;
		this.json = json;
	}

	Mono<StoredEndorsement> find(String id) {
		return mongo.findById(id, StoredEndorsement.class);
	}

	/** Accepted and standing endorsements of what the 2.0 id names, oldest first. */
	Flux<StoredEndorsement> accepted(String claimId) {
		return standing(Criteria.where("claimId").is(claimId));
	}

	@Override
	public Flux<String> urls(String endorsedId) {
		return accepted(endorsedId).map(e -> urls.endorsement(e.id()));
	}

	@Override
	public Flux<String> credentials(String endorsedId) {
		return standing(Criteria.where("subjectId").is(endorsedId)).map(StoredEndorsement::credential);
	}

	@Override
	public Flux<RevocationList.Revoked> withdrawn(String endorserDistrictId) {
		return withdrawnBy(endorserDistrictId)
			.map(e -> new RevocationList.Revoked(urls.endorsement(e.id()), e.withdrawalReason()));
	}

	/** The 1EdTech revocation list of an endorser's EndorsementCredentials: every withdrawn one by id. */
	Mono<OpenBadgeCredential.RevocationList> revocations(String issuerId) {
		return mongo.findOne(Query.query(Criteria.where("endorserIssuerId").is(issuerId)), StoredEndorsement.class)
			.map(StoredEndorsement::endorserDistrictId)
			.flatMapMany(this::withdrawnBy)
			.map(e -> new OpenBadgeCredential.RevocationList.Revoked(urls.credential(e.id()), true,
					e.withdrawalReason()))
			.collectList()
			.map(list -> new OpenBadgeCredential.RevocationList(urls.revocations(issuerId), urls.profile(issuerId),
					list));
	}

	/** The 2.0 document as served: the endorsement, or for a withdrawn one its id, {@code revoked} and the reason. */
	JsonNode document(StoredEndorsement e) {
		if (e.withdrawn()) {
			return json.valueToTree(Map.of("id", urls.endorsement(e.id()), "revoked", true, "revocationReason",
					e.withdrawalReason()));
		}
		return json.readTree(e.document());
	}

	JsonNode credential(StoredEndorsement e) {
		if (e.withdrawn()) {
			return json.valueToTree(Map.of("id", urls.credential(e.id()), "revoked", true, "revocationReason",
					e.withdrawalReason()));
		}
		return json.readTree(e.credential());
	}

	@Override
	public Mono<JsonNode> find(URI url) {
		String text = url.toString();
		String endorsements = urls.own("/public/endorsements/");
		String revocations = urls.own("/public/endorsement-revocations/");
		if (url.getRawQuery() != null || url.getRawFragment() != null) {
			return Mono.empty();
		}
		if (text.startsWith(revocations)) {
			return revocations(text.substring(revocations.length())).map(json::valueToTree);
		}
		if (!text.startsWith(endorsements)) {
			return Mono.empty();
		}
		String[] parts = text.substring(endorsements.length()).split("/");
		if (parts.length == 1) {
			return find(parts[0]).map(this::document);
		}
		if (parts.length == 2 && parts[1].equals("credential")) {
			return find(parts[0]).map(this::credential);
		}
		return Mono.empty();
	}

	private Flux<StoredEndorsement> standing(Criteria criteria) {
		return mongo.find(Query.query(criteria.and("decision").is(Decision.ACCEPTED).and("withdrawnAt").is(null))
			.with(Sort.by("issuedOn", "_id")), StoredEndorsement.class);
	}

	private Flux<StoredEndorsement> withdrawnBy(String endorserDistrictId) {
		return mongo.find(Query.query(Criteria.where("endorserDistrictId").is(endorserDistrictId)
			.and("withdrawnAt").ne(null)).with(Sort.by("withdrawnAt", "_id")), StoredEndorsement.class);
	}


}
