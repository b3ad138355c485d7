package org.cairn.credential;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cairn.issuing.IssuedBadge;
import org.cairn.issuing.IssuedBadges;
import org.cairn.keys.EdKey;
import org.cairn.keys.EdKeys;
import org.cairn.keys.Keys;
import org.cairn.keys.SigningKey;
import org.cairn.openbadges.AcceptedEndorsements;
import org.cairn.openbadges.DataIntegrity;
import org.cairn.openbadges.Multibase;
import org.cairn.openbadges.OpenBadgeCredential;
import org.cairn.openbadges.OpenBadgeCredential.DataIntegrityProof;
import org.cairn.openbadges.OpenBadgeCredential.RelatedResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Issues the Open Badges 3.0 credential of an assertion once (the assertion id is the key, so retries, the event and
 * a first download converge on one credential): an embedded {@code eddsa-rdfc-2022} proof with the district's
 * Ed25519 key, and on first request the VC-JWT of the proven credential with its RSA key (spec "Proofs": the
 * embedded proof is made before the JWT). A revoked assertion gets none.
 */
@Service
class Credentials {

	private static final Logger log = LoggerFactory.getLogger(Credentials.class);

	private final ReactiveMongoTemplate mongo;

	private final IssuedBadges badges;

	private final Keys keys;

	private final EdKeys edKeys;

	private final CredentialMapping mapping;

	private final CredentialUrls urls;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<AcceptedEndorsements> endorsements;

	/**
	 * The district's RSA key being read (or created, the first time) right now on this instance: requests signing
	 * at once share one read, so a district's first VC-JWTs do not each generate an RSA-3072 key. Only an
	 * optimization: the keys' unique index keeps instances (and any race here) to one key per generation.
	 */
	private final Map<String, Mono<SigningKey>> keysInFlight = new ConcurrentHashMap<>();

	Credentials(ReactiveMongoTemplate mongo, IssuedBadges badges, Keys keys, EdKeys edKeys, CredentialMapping mapping,
			CredentialUrls urls, JsonMapper json, Clock clock, ObjectProvider<AcceptedEndorsements> endorsements) {
		this.mongo = mongo;
		this.badges = badges;
		this.keys = keys;
		this.edKeys = edKeys;
		this.mapping = mapping;
		this.urls = urls;
		this.json = json;
		this.clock = clock;
		this.endorsements = endorsements;
	}

	/** The stored credential, without issuing one. */
	Mono<StoredCredential> stored(String assertionId) {
		return mongo.findById(assertionId, StoredCredential.class).map(this::proofAsList);
	}

	/**
	 * A credential issued before proofs were listed carries its one proof as an object, which 1EdTech's schema
	 * refuses (it wants an array). The proof is not signed (it is set aside before hashing, and the VC-JWT is a
	 * separate signature), so serving it as a list of one changes nothing any proof covers.
	 */
	private StoredCredential proofAsList(StoredCredential credential) {
		if (!credential.json().contains("\"proof\":{")) {
			return credential;
		}
		ObjectNode document = (ObjectNode) json.readTree(credential.json());
		if (document.get("proof") == null || !document.get("proof").isObject()) {
			// the object was a proof inside (an embedded endorsement's): the credential's own proofs are listed
			return credential;
		}
		document.set("proof", json.createArrayNode().add(document.get("proof")));
		return credential.withJson(json.writeValueAsString(document));
	}

	/** The credential of the assertion, issued now if it has none yet; empty for an unknown or revoked assertion. */
	Mono<StoredCredential> forAssertion(String assertionId) {
		return stored(assertionId).switchIfEmpty(Mono.defer(() -> badges.find(assertionId)
			.filter(badge -> !badge.revoked())
			.flatMap(this::issue)));
	}

	private Mono<StoredCredential> issue(IssuedBadge badge) {
		AcceptedEndorsements accepted = endorsements.getIfAvailable();
		Mono<List<JsonNode>> endorsed = accepted == null ? Mono.just(List.of())
				: accepted.credentials(badge.badge().id()).map(json::readTree).collectList();
		return Mono.zip(edKeys.active(badge.districtId()), endorsed, related(badge))
			.flatMap(t -> prove(badge, t.getT1(), t.getT2(), t.getT3()))
			.flatMap(mongo::insert)
			.doOnNext(c -> log.info("Issued Open Badges 3.0 credential for assertion {}", c.assertionId()))
			.onErrorResume(DuplicateKeyException.class, ex -> stored(badge.assertionId()));
	}

	/**
	 * The credential with its VC-JWT, signed on first request and kept: a hosted district has no RSA key until a
	 * holder asks for the JWT (an RSA-3072 key takes seconds to make), so issuing a badge never waits for one.
	 */
	Mono<StoredCredential> withJwt(StoredCredential credential) {
		if (credential.jwt() != null) {
			return Mono.just(credential);
		}
		return rsaKey(credential.districtId())
			.flatMap(rsa -> {
				return keys.signJwt(rsa.id(), urls.kid(credential.issuerId(), rsa.id()), claims(credential.json()))
					.flatMap(jwt -> mongo.findAndModify(
							Query.query(Criteria.where("_id").is(credential.assertionId()).and("jwt").is(null)),
							new Update().set("jwt", jwt).set("rsaKeyId", rsa.id()),
							FindAndModifyOptions.options().returnNew(true), StoredCredential.class))
					// another request signed it first: theirs is kept
					.switchIfEmpty(Mono.defer(() -> stored(credential.assertionId())));
			});
	}

	/**
	 * A VC-JWT of another document Cairn signs for the district (a learner record), with the district's RSA key and
	 * the same claims a badge's VC-JWT carries.
	 */
	Mono<String> jwt(String districtId, String issuerId, String document) {
		return rsaKey(districtId).flatMap(rsa -> keys.signJwt(rsa.id(), urls.kid(issuerId, rsa.id()), claims(document)));
	}

	private Mono<SigningKey> rsaKey(String districtId) {
		return keysInFlight.computeIfAbsent(districtId, id -> keys.active(id)
			.doFinally(signal -> keysInFlight.remove(id))
			.cache());
	}

	/** The embedded {@code eddsa-rdfc-2022} proof with the district's Ed25519 key. */
	private Mono<StoredCredential> prove(IssuedBadge badge, EdKey ed, List<JsonNode> endorsements,
			List<RelatedResource> related) {
		OpenBadgeCredential unsigned = related.isEmpty() ? mapping.unsigned(badge, endorsements)
				: mapping.unsigned(badge, endorsements).withRelated(related);
		DataIntegrityProof options = DataIntegrityProof.configuration(badge.issuedOn().toString(),
				urls.multikey(ed.id()));
		return Mono.fromCallable(() -> DataIntegrity.hashData(json.writeValueAsString(options),
				json.writeValueAsString(unsigned)))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(data -> edKeys.sign(ed.id(), data))
			.map(signature -> new StoredCredential(badge.assertionId(), badge.districtId(), badge.personId(),
					badge.issuerId(),
					json.writeValueAsString(unsigned.withProof(options.signed(Multibase.encode(signature)))), null,
					null, ed.id(), clock.instant()));
	}

	/**
	 * A renewal's credential names the credential it renews, with the SHA-384 of that credential exactly as served
	 * (its JSON), so a holder or verifier can fetch it and see it is the one meant. Nothing when the renewed badge
	 * has no credential (revoked meanwhile).
	 */
	private Mono<List<RelatedResource>> related(IssuedBadge badge) {
		if (badge.renews() == null) {
			return Mono.just(List.of());
		}
		return forAssertion(badge.renews())
			.map(old -> List.of(new RelatedResource(urls.credential(old.assertionId()), "application/ld+json",
					"sha384-" + Base64.getEncoder().encodeToString(sha384(old.json())))))
			.defaultIfEmpty(List.of());
	}

	/**
	 * The JWT claims (spec "JWT Payload Format"): the credential itself plus {@code iss} (issuer id), {@code jti}
	 * (credential id), {@code nbf} (validFrom) and {@code exp} (validUntil, when it has one). {@code sub} names
	 * {@code credentialSubject.id}, which a Cairn credential does not have: the recipient is identified by a hashed
	 * email only, so there is no subject id to repeat.
	 */
	private byte[] claims(String document) {
		ObjectNode claims = (ObjectNode) json.readTree(document);
		claims.put("iss", claims.get("issuer").get("id").asString());
		claims.put("jti", claims.get("id").asString());
		claims.put("nbf", Instant.parse(claims.get("validFrom").asString()).getEpochSecond());
		if (claims.has("validUntil")) {
			claims.put("exp", Instant.parse(claims.get("validUntil").asString()).getEpochSecond());
		}
		return json.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha384(String text) {
		try {
			return java.security.MessageDigest.getInstance("SHA-384").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
