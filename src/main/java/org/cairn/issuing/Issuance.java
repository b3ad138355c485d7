package org.cairn.issuing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cairn.account.PersonRepository;
import org.cairn.award.Award;
import org.cairn.award.Awards;
import org.cairn.evidence.PublishedEvidence;
import org.cairn.keys.Keys;
import org.cairn.keys.SigningKey;
import org.cairn.openbadges.Assertion;
import org.cairn.openbadges.Evidence;
import org.cairn.openbadges.IdentityObject;
import org.cairn.openbadges.OpaqueIds;
import org.cairn.openbadges.VerificationObject;
import org.cairn.problem.ProblemException;
import org.cairn.template.Requirement;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Tier;
import org.cairn.webhook.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Issues, revokes and reinstates assertions. Exactly one assertion per issue key: the unique index decides, so
 * retries, the catch-up sweep and several instances converge on the same assertion.
 */
@Service
public class Issuance {

	private static final Logger log = LoggerFactory.getLogger(Issuance.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How long an instance holds an award it is issuing before another may take over. */
	static final Duration CLAIM = Duration.ofMinutes(2);

	private final ReactiveMongoTemplate mongo;

	private final Awards awards;

	private final TemplateLookup templates;

	private final PersonRepository people;

	private final Issuers issuers;

	private final Keys keys;

	private final PublicUrls urls;

	private final Generations generations;

	private final Webhooks webhooks;

	private final PublishedEvidence published;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Issuance(ReactiveMongoTemplate mongo, Awards awards, TemplateLookup templates, PersonRepository people, Issuers issuers, Keys keys, PublicUrls urls,
			Generations generations, Webhooks webhooks, PublishedEvidence published, JsonMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.awards = awards;
		this.templates = templates;
		this.people = people;
		this.issuers = issuers;
		this.keys = keys;
		this.urls = urls;
		this.generations = generations;
		this.webhooks = webhooks;
		this.published = published;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Issues the award's assertion unless it has one, or another instance holds it (claimed with a conditional
	 * update that expires, so a crash mid-way is picked up by the sweep).
	 */
	Mono<IssuedAssertion> issueAward(Award award) {
		return issueAward(award, null);
	}

	/** As {@link #issueAward(Award)}, in the given verification mode rather than the district's default. */
	public Mono<IssuedAssertion> issueAward(Award award, VerificationMode mode) {
		if (award.assertionId() != null) {
			return mongo.findById(award.assertionId(), IssuedAssertion.class);
		}
		return awards.claimForIssuing(award.id(), clock.instant(), CLAIM)
			.filter(Boolean::booleanValue)
			.flatMap(claimed -> Mono.justOrEmpty(award.personId()).flatMap(people::findById))
			.filter(person -> award.districtId().equals(person.districtId()))
			.flatMap(person -> issuers.badgeClass(award.districtId(), award.templateId(), award.tierKey())
				.flatMap(badge -> issue(new IssueRequest("award:" + award.id(), award.districtId(), award.id(),
						// the verified address the teacher chose for new badges (their district email by default)
						new Recipient(person.badgeAddress(), person.displayName(), person.id()), badge,
						award.stipendCents(), null, mode, award.publicEvidenceIds(), Awards.renews(award), null))))
			.flatMap(assertion -> linkAward(award.id(), null, assertion.id()).thenReturn(assertion));
	}

	/** Sets the award's assertion id when it still points at {@code expected} (null when first issued). */
	Mono<Void> linkAward(String awardId, String expected, String assertionId) {
		if (awardId == null) {
			return Mono.empty();
		}
		return awards.linkAssertion(awardId, expected, assertionId);
	}

	/**
	 * @param mode the verification mode, or null for the district's default
	 * @param evidenceIds the evidence the teacher chose to publish with the badge
	 * @param renews the assertion this badge renews, or null
	 * @param reissue the badge this one re-issues to another address (its dates kept), or null
	 */
	public record IssueRequest(String issueKey, String districtId, String awardId, Recipient recipient,
			BadgeClassRecord badge, long stipendCents, String replaces, VerificationMode mode,
			List<String> evidenceIds, String renews, Reissue reissue) {

		public IssueRequest {
			evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
		}

		public IssueRequest(String issueKey, String districtId, String awardId, Recipient recipient,
				BadgeClassRecord badge, long stipendCents, String replaces, VerificationMode mode,
				List<String> evidenceIds) {
			this(issueKey, districtId, awardId, recipient, badge, stipendCents, replaces, mode, evidenceIds, null, null);
		}

		public IssueRequest(String issueKey, String districtId, String awardId, Recipient recipient, BadgeClassRecord badge,
				long stipendCents, String replaces) {
			this(issueKey, districtId, awardId, recipient, badge, stipendCents, replaces, null, List.of());
		}

	}

	/**
	 * A re-issue keeps the dates of the badge it replaces (the achievement was recognised then; its hours count in
	 * that year, its validity does not grow) and says in its narrative which assertion it replaces.
	 */
	public record Reissue(Instant issuedOn, Instant expires, String replacesUrl) {
	}

	/** Issues (or finds) the assertion for the issue key, in the district's verification mode. */
	public Mono<IssuedAssertion> issue(IssueRequest request) {
		return mongo.findOne(Query.query(Criteria.where("issueKey").is(request.issueKey())), IssuedAssertion.class)
			.switchIfEmpty(Mono.defer(() -> issueNew(request)));
	}

	private Mono<IssuedAssertion> issueNew(IssueRequest request) {
		return templates.byId(request.badge().templateId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no template " + request.badge().templateId())))
			.zipWith(issuers.forDistrict(request.districtId()))
			.flatMap(t -> published.pieces(request.districtId(), request.evidenceIds())
				.collectList()
				.flatMap(pieces -> build(request, t.getT1(),
						request.mode() != null ? request.mode() : t.getT2().defaultMode(), pieces)))
			.flatMap(assertion -> mongo.insert(assertion)
				.flatMap(saved -> webhooks.enqueue(saved.districtId(), "assertion.issued", saved.id(), event(saved))
					.thenReturn(saved))
				.doOnNext(a -> announce(a, false))
				.onErrorResume(DuplicateKeyException.class, ex -> mongo.findOne(
						Query.query(Criteria.where("issueKey").is(request.issueKey())), IssuedAssertion.class)));
	}

	private Mono<IssuedAssertion> build(IssueRequest request, Template template, VerificationMode mode,
			List<PublishedEvidence.Piece> pieces) {
		if (mode == VerificationMode.HOSTED) {
			return Mono.just(assemble(request, template, mode, pieces, null, null));
		}
		return keys.active(request.districtId())
			.flatMap(key -> keys.signer(key.id())
				.flatMap(signer -> Mono.fromCallable(() -> assemble(request, template, mode, pieces, key, signer))
					.subscribeOn(Schedulers.boundedElastic())));
	}

	/** The assertion document, and for a signed badge its JWS (CPU work: off the event loop when signing). */
	private IssuedAssertion assemble(IssueRequest request, Template template, VerificationMode mode,
			List<PublishedEvidence.Piece> pieces, SigningKey key, Keys.Signer signer) {
		// time-ordered: a bulk chunk's assertions append to the store's last pages (OpaqueIds#timeOrdered)
		String id = OpaqueIds.timeOrdered();
		Reissue reissue = request.reissue();
		Instant issuedOn = reissue != null ? reissue.issuedOn() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expires = reissue != null ? reissue.expires() : template.validFor() == null ? null
				: issuedOn.atOffset(ZoneOffset.UTC).plus(template.validFor()).toInstant();
		String narrative = reissue == null ? null
				: "Re-issued to another address of the same recipient on "
						+ clock.instant().truncatedTo(ChronoUnit.SECONDS) + "; it replaces " + reissue.replacesUrl()
						+ ", revoked with the reason \"" + IssuedAssertion.REISSUED + "\".";
		byte[] saltBytes = new byte[16];
		RANDOM.nextBytes(saltBytes);
		String salt = HexFormat.of().formatHex(saltBytes);
		IdentityObject recipient = IdentityObject.hashedEmail(request.recipient().email(), salt);
		List<PublishedEvidenceLink> publishedLinks = pieces.stream()
			.map(piece -> new PublishedEvidenceLink(OpaqueIds.next(), piece.id()))
			.toList();
		List<Evidence> evidence = new ArrayList<>();
		for (int i = 0; i < pieces.size(); i++) {
			evidence.add(evidence(template, pieces.get(i), urls.evidence(publishedLinks.get(i).publicId())));
		}
		if (mode == VerificationMode.HOSTED) {
			Assertion assertion = renewing(request, Assertion.issued(urls.assertion(id), recipient,
					urls.badge(request.badge().id()), issuedOn.toString(), expires == null ? null : expires.toString(),
					urls.assertionImage(id), evidence, VerificationObject.hosted())).withNarrative(narrative);
			return record(request, id, mode, null, issuedOn, expires, json.writeValueAsString(assertion), null,
					publishedLinks);
		}
		Assertion assertion = renewing(request, Assertion.issued(urls.assertion(id), recipient,
				urls.badge(request.badge().id()), issuedOn.toString(), expires == null ? null : expires.toString(),
				urls.assertionImage(id), evidence, VerificationObject.signed(keys.keyUrl(key.id()))))
			.withNarrative(narrative);
		String payload = json.writeValueAsString(assertion);
		String jws = signer.sign(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return record(request, id, mode, key.id(), issuedOn, expires, payload, jws, publishedLinks);
	}

	/** A renewal's assertion names the badge it renews (Cairn's renewal extension), inside what is signed. */
	private Assertion renewing(IssueRequest request, Assertion assertion) {
		return request.renews() == null ? assertion
				: assertion.renewing(org.cairn.openbadges.RenewalExtension.of(urls.renewalContext(),
						urls.assertion(request.renews())));
	}

	/**
	 * What every badge of one bulk chunk shares, read once rather than per badge: the template, the verification
	 * mode, and for signed badges the key and its signer.
	 */
	public record Batch(String districtId, BadgeClassRecord badge, Template template, VerificationMode mode, SigningKey key,
			Keys.Signer signer) {
	}

	/** Reads what a batch of badges of one badge class shares (and creates the district's key on first need). */
	public Mono<Batch> prepare(String districtId, BadgeClassRecord badge) {
		return templates.byId(badge.templateId())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("no template " + badge.templateId())))
			.zipWith(issuers.forDistrict(districtId))
			.flatMap(t -> {
				VerificationMode mode = t.getT2().defaultMode();
				if (mode == VerificationMode.HOSTED) {
					return Mono.just(new Batch(districtId, badge, t.getT1(), mode, null, null));
				}
				return keys.active(districtId).flatMap(key -> keys.signer(key.id())
					.map(signer -> new Batch(districtId, badge, t.getT1(), mode, key, signer)));
			});
	}

	/**
	 * Issues (or finds) the assertions of a batch's requests, each by its issue key exactly once like
	 * {@link #issue(IssueRequest)}: one query finds those already issued (a chunk run again), the rest are built and
	 * signed on up to {@code parallelism} threads, stored with one insert and their webhooks enqueued together.
	 * Returns the assertions by issue key.
	 */
	public Mono<Map<String, IssuedAssertion>> issueAll(Batch batch, List<IssueRequest> requests, int parallelism) {
		List<String> keys = requests.stream().map(IssueRequest::issueKey).toList();
		return mongo.find(Query.query(Criteria.where("issueKey").in(keys)), IssuedAssertion.class)
			.collectMap(IssuedAssertion::issueKey)
			.flatMap(existing -> {
				List<IssueRequest> missing = requests.stream().filter(r -> !existing.containsKey(r.issueKey())).toList();
				if (missing.isEmpty()) {
					return Mono.just(existing);
				}
				return Flux.fromIterable(missing)
					.flatMapSequential(request -> Mono
						.fromCallable(() -> assemble(request, batch.template(), batch.mode(), List.of(), batch.key(),
								batch.signer()))
						// CPU work (RSA signing, JSON): the parallel scheduler has one thread per core, so chunks worked
						// at once share the cores instead of oversubscribing them
						.subscribeOn(Schedulers.parallel()),
							Math.max(1, parallelism))
					.collectList()
					// the key may have been revoked while the chunk was signed: store nothing it signed then
					.flatMap(built -> (batch.key() == null ? Mono.<Void>empty() : this.keys.usable(batch.key().id()))
						.then(store(built)))
					.map(stored -> {
						Map<String, IssuedAssertion> all = new LinkedHashMap<>(existing);
						stored.forEach(a -> all.put(a.issueKey(), a));
						return all;
					});
			});
	}

	/**
	 * Inserts the assertions in one round trip; if any issue key was taken meanwhile (another worker after a lost
	 * lease), falls back to one insert each, keeping whichever assertion the unique index let in.
	 */
	private Mono<List<IssuedAssertion>> store(List<IssuedAssertion> built) {
		return mongo.insertAll(built)
			.collectList()
			.flatMap(saved -> webhooks.enqueueAll(saved.get(0).districtId(), "assertion.issued",
					saved.stream().map(a -> Map.entry(a.id(), event(a))).toList()).thenReturn(saved))
			.doOnNext(saved -> saved.forEach(a -> announce(a, true)))
			.onErrorResume(org.springframework.dao.DataAccessException.class, ex -> Flux.fromIterable(built)
				.concatMap(assertion -> mongo.insert(assertion)
					.flatMap(saved -> webhooks.enqueue(saved.districtId(), "assertion.issued", saved.id(), event(saved))
						.thenReturn(saved))
					.doOnNext(a -> announce(a, true))
					.onErrorResume(DuplicateKeyException.class, dup -> mongo.findOne(
							Query.query(Criteria.where("issueKey").is(assertion.issueKey())), IssuedAssertion.class)))
				.collectList());
	}

	private static IssuedAssertion record(IssueRequest request, String id, VerificationMode mode, String keyId,
			Instant issuedOn, Instant expires, String document, String jws, List<PublishedEvidenceLink> publishedEvidence) {
		return new IssuedAssertion(id, request.issueKey(), request.districtId(), request.awardId(),
				request.recipient().personId(), request.recipient().email(), request.recipient().name(),
				request.badge().id(), request.badge().templateId(), request.badge().tierKey(), request.stipendCents(), mode, keyId, issuedOn,
				expires, document, jws, null, null, request.replaces(), publishedEvidence, null, null, request.renews(), null);
	}

	/**
	 * The Open Badges Evidence entry of a published piece: its public URL, the requirement it answered as the name,
	 * and as narrative the reflection itself or a short description of the file or link.
	 */
	private static Evidence evidence(Template template, PublishedEvidence.Piece piece, String url) {
		Tier tier = piece.tierKey() == null ? null : template.tier(piece.tierKey()).orElse(null);
		String requirement = tier == null ? null
				: tier.requirements().stream().filter(r -> r.key().equals(piece.requirementKey()))
					.map(Requirement::title).findFirst().orElse(null);
		String answered = requirement == null ? "" : " for " + requirement + (tier == null ? "" : " (" + tier.title() + ")");
		String genre = switch (piece.kind()) {
			case "REFLECTION" -> "Reflection";
			case "LINK" -> "Link";
			case "PDF" -> "PDF";
			default -> piece.kind().charAt(0) + piece.kind().substring(1).toLowerCase(Locale.ROOT);
		};
		String name = requirement == null ? genre : requirement;
		String narrative = switch (piece.kind()) {
			case "REFLECTION" -> piece.text();
			case "LINK" -> piece.url() == null ? "Source cited" + answered + ": " + piece.name()
					: "Link submitted" + answered + ": " + piece.url();
			default -> genre + " submitted" + answered + ": " + piece.name()
					+ (piece.sizeBytes() == null ? "" : " (" + size(piece.sizeBytes()) + ")");
		};
		return new Evidence(url, name, narrative, null, genre);
	}

	private static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		if (bytes < 1024 * 1024) {
			return (bytes + 512) / 1024 + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	/** Revokes once; repeating returns the already revoked assertion unchanged. */
	public Mono<IssuedAssertion> revoke(String districtId, String assertionId, String reason) {
		Query inDistrict = Query.query(Criteria.where("_id").is(assertionId).and("districtId").is(districtId));
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(assertionId).and("districtId").is(districtId)
				.and("revokedAt").is(null)),
					new Update().set("revokedAt", clock.instant()).set("revocationReason", reason),
					FindAndModifyOptions.options().returnNew(true), IssuedAssertion.class)
			.flatMap(revoked -> generations.bump(districtId)
				.then(webhooks.enqueue(districtId, "assertion.revoked", revoked.id(), event(revoked)))
				.doOnSuccess(v -> log.info("Revoked assertion {}", revoked.id()))
				.thenReturn(revoked))
			.switchIfEmpty(mongo.findOne(inDistrict, IssuedAssertion.class))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assertion " + assertionId)))
			.doOnNext(this::announceRevocation);
	}

	/** Every revocation (also a repeated one, so a retry finishes what a listener left undone). */
	void announceRevocation(IssuedAssertion a) {
		if (a.revoked()) {
			events.publishEvent(new AssertionRevoked(a.id(), a.districtId(), a.awardId(), a.personId(), a.templateId(),
					a.tierKey(), IssuedAssertion.REISSUED.equals(a.revocationReason())));
		}
	}

	/** Reinstating issues a new assertion (the revoked one stays revoked); repeating returns the same new one. */
	Mono<IssuedAssertion> reinstate(String districtId, String assertionId) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(assertionId).and("districtId").is(districtId)),
				IssuedAssertion.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assertion " + assertionId)))
			.filter(IssuedAssertion::revoked)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(IssuingProblem.NOT_REVOKED, "not-revoked")))
			.flatMap(old -> issuers.badgeClassById(old.badgeClassId())
				.flatMap(badge -> issue(new IssueRequest("reinstate:" + old.id(), districtId, old.awardId(),
						new Recipient(old.recipientEmail(), old.recipientName(), old.personId()), badge, old.stipendCents(),
						old.id(), null,
						old.publishedEvidence().stream().map(PublishedEvidenceLink::evidenceId).toList(), old.renews(), null)))
				.flatMap(fresh -> linkAward(old.awardId(), old.id(), fresh.id()).thenReturn(fresh)));
	}

	/** Tells other features (the Open Badges 3.0 credential) that an assertion now exists. */
	private void announce(IssuedAssertion saved, boolean inBulk) {
		events.publishEvent(new AssertionIssued(saved.id(), saved.districtId(), inBulk));
	}

	/** The webhook event body: what an HR or payroll system needs, nothing more. */
	Map<String, Object> event(IssuedAssertion a) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("assertionId", a.id());
		data.put("assertionUrl", urls.assertion(a.id()));
		data.put("badgeClassUrl", urls.badge(a.badgeClassId()));
		data.put("awardId", a.awardId());
		data.put("personId", a.personId());
		data.put("recipientEmail", a.recipientEmail());
		data.put("recipientName", a.recipientName());
		data.put("tierKey", a.tierKey());
		data.put("stipendCents", a.stipendCents());
		data.put("issuedOn", a.issuedOn().toString());
		if (a.revoked()) {
			data.put("revokedAt", a.revokedAt().toString());
			data.put("revocationReason", a.revocationReason());
		}
		return data;
	}

}
