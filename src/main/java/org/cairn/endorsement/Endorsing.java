package org.cairn.endorsement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.cairn.endorsement.EndorsementTargets.Target;
import org.cairn.endorsement.StoredEndorsement.Decision;
import org.cairn.issuing.DocumentChanges;
import org.cairn.issuing.IssuedBadges;
import org.cairn.issuing.VerificationMode;
import org.cairn.keys.EdKeys;
import org.cairn.keys.Keys;
import org.cairn.openbadges.DataIntegrity;
import org.cairn.openbadges.Endorsement;
import org.cairn.openbadges.EndorsementCredential;
import org.cairn.openbadges.Multibase;
import org.cairn.openbadges.OpaqueIds;
import org.cairn.openbadges.OpenBadgeCredential.DataIntegrityProof;
import org.cairn.openbadges.OpenBadgeCredential.Image;
import org.cairn.openbadges.OpenBadgeCredential.Profile;
import org.cairn.openbadges.VerificationObject;
import org.cairn.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Makes, decides and withdraws endorsements. Every change is safe to repeat: endorsing the same thing again finds the
 * standing endorsement (its unique key), a decision or withdrawal already made is answered as it stands. A change a
 * district's public documents show (accepting, hiding, withdrawing an accepted one) drops them from every instance's
 * memory through issuing's per-district generation.
 */
@Service
class Endorsing {

	private static final Logger log = LoggerFactory.getLogger(Endorsing.class);

	static final int MAX_COMMENT = 2000;

	private final ReactiveMongoTemplate mongo;

	private final EndorsementTargets targets;

	private final IssuedBadges badges;

	private final Keys keys;

	private final EdKeys edKeys;

	private final EndorsementUrls urls;

	private final DocumentChanges changes;

	private final JsonMapper json;

	private final Clock clock;

	Endorsing(ReactiveMongoTemplate mongo, EndorsementTargets targets, IssuedBadges badges, Keys keys, EdKeys edKeys,
			EndorsementUrls urls, DocumentChanges changes, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.targets = targets;
		this.badges = badges;
		this.keys = keys;
		this.edKeys = edKeys;
		this.urls = urls;
		this.changes = changes;
		this.json = json;
		this.clock = clock;
	}

	/** The standing endorsement of the target by the district, made now unless it exists; {@code created} says which. */
	Mono<Made> endorse(String districtId, String address, String comment) {
		String text = plain(comment);
		return targets.resolve(address).flatMap(target -> {
			if (districtId.equals(target.districtId())) {
				return Mono.error(ProblemException.of(EndorsementProblem.SELF_ENDORSEMENT, "self-endorsement"));
			}
			String key = StoredEndorsement.key(districtId, target.claimId());
			return mongo.findOne(Query.query(Criteria.where("key").is(key)), StoredEndorsement.class)
				.map(existing -> new Made(existing, false))
				.switchIfEmpty(Mono.defer(() -> make(districtId, target, text, key)
					.flatMap(mongo::insert)
					.doOnNext(e -> log.info("District {} endorsed {}", districtId, e.claimId()))
					.map(e -> new Made(e, true))
					// the same request twice at once: the first one stored is the endorsement
					.onErrorResume(DuplicateKeyException.class, ex -> mongo
						.findOne(Query.query(Criteria.where("key").is(key)), StoredEndorsement.class)
						.map(existing -> new Made(existing, false)))));
		});
	}

	record Made(StoredEndorsement endorsement, boolean created) {
	}

	/** Accept or hide an endorsement of the caller's own district; the decision stands as given when repeated. */
	Mono<StoredEndorsement> decide(String districtId, String id, Decision decision) {
		Query mine = Query.query(Criteria.where("_id").is(id).and("targetDistrictId").is(districtId));
		return mongo.findOne(mine, StoredEndorsement.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Endorsement")))
			.flatMap(found -> {
				if (found.withdrawn()) {
					return Mono.error(ProblemException.of(EndorsementProblem.ENDORSEMENT_WITHDRAWN, "endorsement-withdrawn", found.endorserName()));
				}
				if (found.decision() == decision) {
					return Mono.just(found);
				}
				return mongo
					.findAndModify(Query.query(Criteria.where("_id").is(id).and("targetDistrictId").is(districtId)
						.and("withdrawnAt").is(null)), new Update().set("decision", decision).set("decidedAt",
								clock.instant()), FindAndModifyOptions.options().returnNew(true), StoredEndorsement.class)
					.switchIfEmpty(Mono.defer(() -> mongo.findOne(mine, StoredEndorsement.class)))
					.flatMap(saved -> changes.changed(districtId).thenReturn(saved));
			});
	}

	/** Withdraw an endorsement the caller's district made; withdrawing it again answers it as withdrawn. */
	Mono<StoredEndorsement> withdraw(String districtId, String id, String reason) {
		Query mine = Query.query(Criteria.where("_id").is(id).and("endorserDistrictId").is(districtId));
		return mongo.findOne(mine, StoredEndorsement.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Endorsement")))
			.flatMap(found -> found.withdrawn() ? Mono.just(found) : mongo
				.findAndModify(Query.query(Criteria.where("_id").is(id).and("endorserDistrictId").is(districtId)
					.and("withdrawnAt").is(null)),
						new Update().set("withdrawnAt", clock.instant())
							.set("withdrawalReason", reason == null || reason.isBlank() ? "Withdrawn by the endorser"
									: plain(reason))
							// the endorser may endorse the same thing again later: free the standing key
							.set("key", found.key() + "|withdrawn:" + id),
						FindAndModifyOptions.options().returnNew(true), StoredEndorsement.class)
				.switchIfEmpty(Mono.defer(() -> mongo.findOne(mine, StoredEndorsement.class)))
				.flatMap(saved -> changes.changed(districtId)
					.then(saved.targetDistrictId() == null ? Mono.empty() : changes.changed(saved.targetDistrictId()))
					.thenReturn(saved)));
	}

	private Mono<StoredEndorsement> make(String districtId, Target target, String comment, String key) {
		String id = OpaqueIds.next();
		Instant issuedOn = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return Mono.zip(badges.issuerOfDistrict(districtId), badges.defaultMode(districtId)).flatMap(t -> {
			var issuer = t.getT1();
			var v2 = issuer.profile();
			Mono<String[]> twoPointOh = t.getT2() == VerificationMode.SIGNED
					? keys.active(districtId).flatMap(rsa -> {
						String document = json.writeValueAsString(Endorsement.of(urls.endorsement(id), target.claimId(),
								comment, issuedOn.toString(), v2.id(), VerificationObject.signed(keys.keyUrl(rsa.id()))));
						return keys.sign(rsa.id(), document.getBytes(StandardCharsets.UTF_8))
							.map(jws -> new String[] { document, jws });
					})
					: Mono.just(new String[] { json.writeValueAsString(Endorsement.of(urls.endorsement(id),
							target.claimId(), comment, issuedOn.toString(), v2.id(), VerificationObject.hosted())),
							null });
			Profile endorser = Profile.embedded(urls.profile(issuer.id()), v2.name(), v2.url(), v2.email(),
					v2.description(), Image.of(v2.image(), v2.name()));
			EndorsementCredential unsigned = EndorsementCredential.unsigned(urls.credential(id),
					v2.name() + " endorses " + target.name(), endorser, issuedOn.toString(), target.subjectId(),
					comment, urls.revocations(issuer.id()));
			return twoPointOh.zipWith(prove(districtId, unsigned, issuedOn))
				.map(docs -> new StoredEndorsement(id, key, districtId, issuer.id(), v2.name(), target.kind(),
						target.claimId(), target.subjectId(), target.name(), target.districtId(),
						target.districtName(), comment, issuedOn, docs.getT1()[0], docs.getT1()[1], docs.getT2(),
						target.districtId() == null ? Decision.EXTERNAL : Decision.PENDING, null, null, null));
		});
	}

	/** The embedded eddsa-rdfc-2022 proof with the endorser's Ed25519 key, as badge credentials carry it. */
	private Mono<String> prove(String districtId, EndorsementCredential unsigned, Instant created) {
		return edKeys.active(districtId).flatMap(ed -> {
			DataIntegrityProof options = DataIntegrityProof.configuration(created.toString(), urls.multikey(ed.id()));
			return Mono
				.fromCallable(() -> DataIntegrity.hashData(json.writeValueAsString(options),
						json.writeValueAsString(unsigned)))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(data -> edKeys.sign(ed.id(), data))
				.map(signature -> json.writeValueAsString(
						unsigned.withProof(options.signed(Multibase.encode(signature)))));
		});
	}

	/**
	 * A comment is plain text, shown as text everywhere (never Markdown or HTML): control characters but line breaks
	 * are dropped and the length is bounded.
	 */
	static String plain(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
		if (cleaned.length() > MAX_COMMENT) {
			throw ProblemException.invalid("comment",
					"A comment can be at most " + MAX_COMMENT + " characters long.");
		}
		return cleaned.isEmpty() ? null : cleaned;
	}

}
