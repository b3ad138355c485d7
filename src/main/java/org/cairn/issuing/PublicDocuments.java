package org.cairn.issuing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.cairn.account.PersonRepository;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.keys.Keys;
import org.cairn.language.Language;
import org.cairn.openbadges.AcceptedEndorsements;
import org.cairn.openbadges.Assertion;
import org.cairn.openbadges.CredentialFiles;
import org.cairn.openbadges.RevocationList;
import org.cairn.system.EntityTag;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The public Open Badges documents, served from memory. An entry is dropped when its district's generation changes
 * (revocation, key rotation or revocation, settings, on any instance) and after {@link #MAX_AGE} at the latest, so
 * edits made elsewhere (the district's name) show within a minute. A load that raced a change is not cached.
 */
@Service
class PublicDocuments {

	static final Duration MAX_AGE = Duration.ofSeconds(60);

	private static final int MAX_ENTRIES = 200_000;

	/** Baked images and certificates kept at most (bytes); beyond that the oldest are dropped. */
	static final long MAX_RENDITION_BYTES = 96L * 1024 * 1024;

	private final ReactiveMongoTemplate mongo;

	private final TemplateLookup templates;

	private final DistrictRepository districts;

	private final Issuers issuers;

	private final Keys keys;

	private final BadgeDocuments documents;

	private final PublicUrls urls;

	private final Generations generations;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<AcceptedEndorsements> endorsements;

	private final ObjectProvider<CredentialFiles> credentialFiles;

	private final PersonRepository people;

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	private final Map<String, Entry> renditions = new ConcurrentHashMap<>();

	private final AtomicLong renditionBytes = new AtomicLong();

	/** Loads under way, by key: concurrent misses share one. */
	private final Map<String, CompletableFuture<?>> loading = new ConcurrentHashMap<>();

	PublicDocuments(ReactiveMongoTemplate mongo, TemplateLookup templates, DistrictRepository districts, Issuers issuers, Keys keys,
			BadgeDocuments documents, PublicUrls urls, Generations generations, JsonMapper json, Clock clock,
			ObjectProvider<AcceptedEndorsements> endorsements, ObjectProvider<CredentialFiles> credentialFiles,
			PersonRepository people) {
		this.mongo = mongo;
		this.templates = templates;
		this.districts = districts;
		this.issuers = issuers;
		this.keys = keys;
		this.documents = documents;
		this.urls = urls;
		this.generations = generations;
		this.json = json;
		this.clock = clock;
		this.endorsements = endorsements;
		this.credentialFiles = credentialFiles;
		this.people = people;
		generations.onChange(this::invalidate);
	}

	Mono<Rendered> assertion(String id) {
		return cached("assertion:" + id, () -> mongo.findById(id, IssuedAssertion.class).flatMap(this::renderAssertion));
	}

	/**
	 * The stored assertion (revoked ones too), for baked images and certificates, with the language its certificate
	 * speaks to a reader who asks for none: read once with it, so no certificate rendered later (another paper size
	 * or language, after its credential came) reads the store, and {@link PublicReads} can pick the rendition from
	 * memory alone. The recipient's choice is kept current by {@link PublicDocumentEvents} (a new choice drops the
	 * district's entries like a revocation); the district's default by {@link #MAX_AGE}.
	 */
	Mono<HeldAssertion> issued(String id) {
		return cached(cache, "issued:" + id, () -> mongo.findById(id, IssuedAssertion.class)
			.flatMap(a -> a.revoked() ? Mono.just(new HeldAssertion(a, Language.EN))
					: Mono.zip(recipientsChoice(a), districtsDefault(a))
						.map(t -> new HeldAssertion(a, Language.first(t.getT1(), t.getT2())))));
	}

	/** "" when the recipient chose no language (or has no account in the district any more). */
	private Mono<String> recipientsChoice(IssuedAssertion a) {
		return a.personId() == null ? Mono.just("")
				: people.findByIdAndDistrictId(a.personId(), a.districtId())
					.map(p -> p.language() == null ? "" : p.language())
					.defaultIfEmpty("");
	}

	private Mono<String> districtsDefault(IssuedAssertion a) {
		return badgeContext(a.badgeClassId()).map(ctx -> ctx.district().language() == null ? ""
				: ctx.district().language()).defaultIfEmpty("");
	}

	/**
	 * The badge's Open Badges 3.0 credential once it is issued, for its certificates: held with the renditions (a
	 * credential never changes; its badge's revocation drops it with the district's entries), within their byte
	 * budget; empty, and asked again next time, until it is issued.
	 */
	Mono<java.util.Optional<String>> credential(HeldAssertion held) {
		CredentialFiles files = credentialFiles.getIfAvailable();
		if (files == null) {
			return Mono.just(java.util.Optional.empty());
		}
		IssuedAssertion a = held.assertion();
		return rendition("credential:" + a.id(), files.credentialJson(a.id())
			.map(json -> Rendition.of(a.districtId(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
			.map(c -> java.util.Optional.of(new String(c.bytes(), java.nio.charset.StandardCharsets.UTF_8)))
			.defaultIfEmpty(java.util.Optional.empty());
	}

	/**
	 * A baked image or certificate, rendered once and kept like the documents (dropped when its district changes on
	 * any instance, and after {@link #MAX_AGE}), within {@link #MAX_RENDITION_BYTES}.
	 */
	Mono<Rendition> rendition(String key, Mono<Rendition> render) {
		return cached(renditions, key, () -> render.doOnNext(r -> {
			if (renditionBytes.addAndGet(r.bytes().length) > MAX_RENDITION_BYTES) {
				// crude but bounded: start over rather than track recency on every hit
				renditions.clear();
				renditionBytes.set(r.bytes().length);
			}
		}));
	}

	Mono<Rendered> badge(String id) {
		return cached("badge:" + id, () -> issuers.badgeClassById(id).flatMap(this::renderBadge));
	}

	Mono<Rendered> issuer(String id) {
		return cached("issuer:" + id, () -> issuers.byId(id).flatMap(this::renderIssuer));
	}

	Mono<Rendered> key(String id) {
		return cached("key:" + id, () -> keys.find(id)
			.flatMap(key -> issuers.forDistrict(key.districtId())
				.flatMap(owner -> districts.findById(key.districtId())
					.map(district -> Rendered.of(key.districtId(), 200, write(documents.key(key, owner)),
							new Rendered.Page("Signing key", "Signing key of " + district.name(),
									key.revoked() ? "Revoked " + key.revokedAt() : "Public key for Open Badges", null,
									keys.keyUrl(key.id()), district.name(), null, key.createdAt(), null, key.revoked(),
									key.revocationReason()))))));
	}

	Mono<Rendered> revocations(String issuerId) {
		// the endorsement feature is looked up on a miss only: a bean lookup per hit was 3 % of a verification's CPU
		return cached("revocations:" + issuerId, () -> revocationList(issuerId, endorsements.getIfAvailable()));
	}

	private Mono<Rendered> revocationList(String issuerId, AcceptedEndorsements accepted) {
		return issuers.byId(issuerId).flatMap(issuer -> mongo
			.find(Query.query(Criteria.where("districtId").is(issuer.districtId()).and("revokedAt").ne(null))
				.with(Sort.by("revokedAt")), IssuedAssertion.class)
			.map(a -> new RevocationList.Revoked(urls.assertion(a.id()), a.revocationReason()))
			// the district's withdrawn endorsements are revoked documents of this issuer too
			.concatWith(accepted == null ? reactor.core.publisher.Flux.empty() : accepted.withdrawn(issuer.districtId()))
			.collectList()
			.map(list -> Rendered.of(issuer.districtId(), 200,
					write(RevocationList.of(urls.revocations(issuerId), urls.issuer(issuerId), list)),
					new Rendered.Page("Revocation list", "Revoked badges", list.size() + " revoked badge(s)", null,
							urls.revocations(issuerId), null, null, null, null, false, null))));
	}

	/** Template, district and the badge class record behind a BadgeClass, for images and certificates. */
	Mono<BadgeContext> badgeContext(String badgeClassId) {
		return cached("context:" + badgeClassId, () -> issuers.badgeClassById(badgeClassId)
			.flatMap(record -> templates.byId(record.templateId())
				.flatMap(template -> districts.findById(record.districtId())
					.flatMap(district -> issuers.forDistrict(district.id())
						.map(issuer -> new BadgeContext(record, template, district, issuer))))));
	}

	void invalidate(String districtId) {
		cache.values().removeIf(e -> districtId.equals(e.districtId()));
		renditions.values().removeIf(e -> districtId.equals(e.districtId()));
	}

	private Mono<Rendered> renderAssertion(IssuedAssertion a) {
		return badgeContext(a.badgeClassId()).map(ctx -> {
			String name = documents.badge(ctx.record(), ctx.template(), ctx.issuer()).name();
			String reissuedAs = a.replacedBy() == null ? null : urls.assertion(a.replacedBy());
			Rendered.Wording es = spanish(ctx);
			Rendered.Page page = new Rendered.Page("Badge", name, ctx.template().summary(),
					urls.badgeImage(a.badgeClassId()), urls.assertion(a.id()), ctx.district().name(),
					a.recipientName(), a.issuedOn(), a.expires(), a.revoked(), a.revocationReason(), reissuedAs,
					a.replaces() == null || !a.issueKey().startsWith("reissue:") ? null : urls.assertion(a.replaces()),
					es == null ? null : new Rendered.Wording(es.title(), ctx.template().in(Language.ES).summary(),
							es.criteria()));
			// spec "Revoking Hosted Assertions": 410 Gone with id, revoked and the reason; a re-issued one also names
			// its successor in Cairn's re-issue extension
			return a.revoked()
					? Rendered.of(a.districtId(), 410, revokedDocument(a, reissuedAs), page)
					: Rendered.of(a.districtId(), 200, a.document(), page);
		});
	}

	/**
	 * The 410 body of a revoked assertion. For a re-issued one it carries {@code extensions:ReissueExtension}
	 * (an Open Badges 2.0 extension: {@code @context} served by Cairn, {@code type} {@code Extension}) whose
	 * {@code reissuedAs} is the new assertion's id; verifiers that do not know the extension ignore it.
	 */
	private String revokedDocument(IssuedAssertion a, String reissuedAs) {
		Assertion revoked = Assertion.revoked(urls.assertion(a.id()), a.revocationReason());
		if (reissuedAs == null) {
			return write(revoked);
		}
		var document = json.valueToTree(revoked);
		var extension = ((tools.jackson.databind.node.ObjectNode) document).putObject("extensions:ReissueExtension");
		extension.put("@context", urls.reissueContext());
		extension.putArray("type").add("Extension").add("extensions:ReissueExtension");
		extension.put("reissuedAs", reissuedAs);
		return write(document);
	}

	private Mono<Rendered> renderBadge(BadgeClassRecord record) {
		return badgeContext(record.id()).zipWith(endorsementsOf(urls.badge(record.id()))).map(t -> {
			var ctx = t.getT1();
			var badge = documents.badge(record, ctx.template(), ctx.issuer()).withEndorsement(t.getT2());
			return Rendered.of(record.districtId(), 200, write(badge),
					new Rendered.Page("Badge", badge.name(), badge.description(), badge.image(), badge.id(),
							ctx.district().name(), null, null, null, false, null, null, null, spanish(ctx)));
		});
	}

	/**
	 * The BadgeClass's name, description and criteria as its HTML pages show them to Spanish readers, built by the
	 * same rules as the document from the district's Spanish wording; null when the template has none.
	 */
	private Rendered.Wording spanish(BadgeContext ctx) {
		if (ctx.template().es() == null) {
			return null;
		}
		var badge = documents.badge(ctx.record(), ctx.template().in(Language.ES), ctx.issuer());
		return new Rendered.Wording(badge.name(), badge.description(), badge.criteria().narrative());
	}

	private Mono<Rendered> renderIssuer(IssuerRecord issuer) {
		return Mono.zip(districts.findById(issuer.districtId()), keys.all(issuer.districtId()).collectList(),
				endorsementsOf(urls.issuer(issuer.id())))
			.map(t -> {
				District district = t.getT1();
				var profile = documents.issuer(issuer, district, t.getT2()).withEndorsement(t.getT3());
				return Rendered.of(issuer.districtId(), 200, write(profile),
						new Rendered.Page("Issuer", district.name(), district.description(), null, profile.id(),
								district.name(), null, null, null, false, null));
			});
	}

	/**
	 * What is in memory and fresh under this key ({@code "assertion:" + id}, {@code "issued:" + id}, ...), without
	 * loading anything: null on a miss, so the caller takes the ordinary way, which loads it.
	 */
	Object peek(String key) {
		return fresh(cache.get(key));
	}

	/** A baked image or certificate in memory under this key (see {@link #rendition}), or null. */
	Rendition peekRendition(String key) {
		return (Rendition) fresh(renditions.get(key));
	}

	private Object fresh(Entry entry) {
		return entry != null && entry.loadedAt().plus(MAX_AGE).isAfter(clock.instant()) ? entry.value() : null;
	}

	/** The endorsements the district accepted of a badge class or issuer (none without the endorsement feature). */
	private Mono<List<String>> endorsementsOf(String endorsedId) {
		AcceptedEndorsements accepted = endorsements.getIfAvailable();
		return accepted == null ? Mono.just(List.of()) : accepted.urls(endorsedId).collectList();
	}

	private <T> Mono<T> cached(String key, Supplier<Mono<T>> loader) {
		return cached(cache, key, loader);
	}

	private <T> Mono<T> cached(Map<String, Entry> cache, String key, Supplier<Mono<T>> loader) {
		Entry hit = cache.get(key);
		Instant now = clock.instant();
		if (hit != null && hit.loadedAt().plus(MAX_AGE).isAfter(now)) {
			@SuppressWarnings("unchecked")
			T value = (T) hit.value();
			return Mono.just(value);
		}
		// one load per key at a time: a thousand first readers of a shared badge cause one render, not a thousand;
		// a reader who goes away does not cancel the load the others wait for
		String flight = cache == renditions ? "rendition:" + key : key;
		CompletableFuture<T> mine = new CompletableFuture<>();
		@SuppressWarnings("unchecked")
		CompletableFuture<T> other = (CompletableFuture<T>) loading.putIfAbsent(flight, mine);
		if (other != null) {
			return Mono.fromFuture(other, true);
		}
		load(cache, key, loader, now).doFinally(signal -> loading.remove(flight, mine))
			.subscribe(mine::complete, mine::completeExceptionally, () -> mine.complete(null));
		return Mono.fromFuture(mine, true);
	}

	private <T> Mono<T> load(Map<String, Entry> cache, String key, Supplier<Mono<T>> loader, Instant now) {
		long epoch = generations.epoch();
		return Mono.defer(loader).map(value -> {
			if (cache.size() >= MAX_ENTRIES) {
				cache.clear();
			}
			String districtId = districtOf(value);
			cache.put(key, new Entry(districtId, now, value));
			// a change of its district seen while loading may predate what we read: do not keep it
			if (generations.changedSince(districtId, epoch)) {
				cache.remove(key);
			}
			return value;
		});
	}

	private static String districtOf(Object value) {
		if (value instanceof Rendered r) {
			return r.districtId();
		}
		if (value instanceof Rendition r) {
			return r.districtId();
		}
		if (value instanceof HeldAssertion h) {
			return h.assertion().districtId();
		}
		return ((BadgeContext) value).district().id();
	}

	private String write(Object value) {
		return json.writeValueAsString(value);
	}

	private record Entry(String districtId, Instant loadedAt, Object value) {
	}

	/** Bytes rendered from a district's data (a baked image, a certificate) and their strong tag. */
	record Rendition(String districtId, byte[] bytes, EntityTag tag) {

		static Rendition of(String districtId, byte[] bytes) {
			return new Rendition(districtId, bytes, EntityTag.of(bytes));
		}

	}

	record BadgeContext(BadgeClassRecord record, Template template, District district, IssuerRecord issuer) {
	}

	/**
	 * An assertion as memory holds it for its images and certificates.
	 *
	 * @param certificateLanguage what its certificate is written in when the reader asks for no language: the
	 * recipient's choice, else the district's default, else English
	 */
	record HeldAssertion(IssuedAssertion assertion, Language certificateLanguage) {
	}

}
