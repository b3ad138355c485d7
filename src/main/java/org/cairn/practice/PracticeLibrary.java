package org.cairn.practice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.cairn.account.CairnUser;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.evidence.EvidenceSharing;
import org.cairn.openbadges.OpaqueIds;
import org.cairn.paging.ListPage;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.template.Alignment;
import org.cairn.template.Frameworks;
import org.cairn.template.Requirement;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Sharing, withdrawing and finding pieces. Every write keeps the search entries ({@link PracticeKey}) in step with
 * the piece: sharing again replaces exactly the entries that changed, withdrawing removes them all, and changing a
 * district's setting re-files its pieces. Nothing is held in memory between requests.
 */
@Service
class PracticeLibrary {

	private static final Logger log = LoggerFactory.getLogger(PracticeLibrary.class);

	static final List<String> GRADE_BANDS = List.of("PreK", "K-2", "3-5", "6-8", "9-12", "K-12", "Adult learners");

	static final List<String> SUBJECTS = List.of("All subjects", "English language arts", "Mathematics", "Science",
			"Social studies", "World languages", "Arts", "Physical education and health", "Special education",
			"English learners", "Technology", "Career and technical education");

	static final int MAX_TITLE = 200;

	static final int MAX_SUMMARY = 2000;

	/** Several writes per piece run at once, not hundreds. */
	private static final int WRITES = 8;

	private final ReactiveMongoTemplate mongo;

	private final EvidenceSharing evidence;

	private final TemplateLookup templates;

	private final Frameworks frameworks;

	private final DistrictRepository districts;

	private final Clock clock;

	PracticeLibrary(ReactiveMongoTemplate mongo, EvidenceSharing evidence, TemplateLookup templates,
			Frameworks frameworks, DistrictRepository districts, Clock clock) {
		this.mongo = mongo;
		this.evidence = evidence;
		this.templates = templates;
		this.frameworks = frameworks;
		this.districts = districts;
		this.clock = clock;
	}

	/**
	 * What a teacher says when sharing a piece.
	 *
	 * @param noStudentFacesOrNames the teacher confirms no student's face or name shows in it
	 */
	record Share(String title, String summary, String gradeBand, String subject, boolean anonymous, Audience audience,
			boolean noStudentFacesOrNames) {
	}

	// --- sharing -----------------------------------------------------------------------------------------------

	/** Shares the caller's piece, or updates how it is shared; the same request again changes nothing. */
	Mono<PracticePiece> share(CairnUser user, String evidenceId, Share share) {
		List<FieldProblem> problems = check(share);
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems));
		}
		if (!share.noStudentFacesOrNames()) {
			return Mono.error(ProblemException.of(PracticeProblem.STUDENT_PRIVACY_UNCONFIRMED, "student-privacy-unconfirmed"));
		}
		return evidence.own(user, evidenceId).flatMap(piece -> Mono
			.zip(templates.byId(piece.templateId()).map(Optional::of).defaultIfEmpty(Optional.empty()),
					districts.findById(user.districtId()),
					byEvidence(evidenceId).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.flatMap(t -> {
				Template template = t.getT1().orElse(null);
				PracticePiece before = t.getT3().orElse(null);
				PracticePiece after = piece(user, piece, template, t.getT2(), share, before);
				if (before != null && before.equals(after)) {
					return Mono.just(before);
				}
				Mono<PracticePiece> stored = before == null
						? mongo.insert(after).onErrorResume(DuplicateKeyException.class, ex -> byEvidence(evidenceId)
							.flatMap(raced -> mongo.save(withId(after, raced))))
						: mongo.save(after);
				return stored.flatMap(saved -> openTo(saved.districtId())
					.flatMap(open -> reindex(before, before == null ? null : before.audience().narrower(open), saved,
							saved.audience().narrower(open)))
					.thenReturn(saved));
			}));
	}

	private static List<FieldProblem> check(Share share) {
		List<FieldProblem> problems = new ArrayList<>();
		if (share.title() == null || share.title().isBlank()) {
			problems.add(new FieldProblem("title", "Give the piece a title colleagues will recognise."));
		}
		else if (share.title().length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "Keep the title to " + MAX_TITLE + " characters."));
		}
		if (share.summary() != null && share.summary().length() > MAX_SUMMARY) {
			problems.add(new FieldProblem("summary", "Keep the summary to " + MAX_SUMMARY + " characters."));
		}
		if (share.gradeBand() == null || !GRADE_BANDS.contains(share.gradeBand())) {
			problems.add(new FieldProblem("gradeBand", "Choose a grade band: " + String.join(", ", GRADE_BANDS) + "."));
		}
		if (share.subject() == null || !SUBJECTS.contains(share.subject())) {
			problems.add(new FieldProblem("subject", "Choose a subject from the list."));
		}
		return problems;
	}

	private PracticePiece piece(CairnUser user, EvidenceSharing.Shareable s, Template template, District district,
			Share share, PracticePiece before) {
		List<Alignment> alignments = template == null ? List.of() : template.alignments();
		List<PracticePiece.Tag> standards = alignments.stream()
			.filter(a -> a.targetCode() != null && a.targetCode().toUpperCase().startsWith("LF"))
			.map(a -> new PracticePiece.Tag(a.targetCode(), a.targetName()))
			.distinct()
			.toList();
		List<PracticePiece.Tag> clusters = frameworks.clustersOf(alignments)
			.stream()
			.map(c -> new PracticePiece.Tag(c.code(), c.name()))
			.toList();
		Tier tier = template == null ? null : template.tier(s.tierKey(), false)
			.or(() -> template.tier(s.tierKey(), true))
			.orElse(null);
		String requirement = tier == null ? null : tier.requirements().stream()
			.filter(r -> r.key().equals(s.requirementKey()))
			.map(Requirement::title)
			.findFirst()
			.orElse(null);
		boolean file = !"REFLECTION".equals(s.kind()) && !"LINK".equals(s.kind());
		String summary = share.summary() == null || share.summary().isBlank() ? null : share.summary().trim();
		return new PracticePiece(before == null ? OpaqueIds.next() : before.id(), s.districtId(), district.name(),
				s.id(), user.personId(), share.anonymous() ? null : user.displayName(), share.title().trim(), summary,
				s.kind(), "REFLECTION".equals(s.kind()) ? s.text() : null, "LINK".equals(s.kind()) ? s.url() : null,
				file ? s.name() : null, file ? s.mediaType() : null, file ? s.sizeBytes() : null, s.templateId(),
				template == null ? s.templateTitle() : template.title(), tier == null ? null : tier.title(),
				requirement, standards, clusters, share.gradeBand(), share.subject(),
				share.audience() == null ? Audience.DISTRICT : share.audience(), s.enrollmentId(), s.tierKey(),
				before == null ? clock.instant() : before.sharedAt(), null).withFacets();
	}

	private static PracticePiece withId(PracticePiece p, PracticePiece existing) {
		return new PracticePiece(existing.id(), p.districtId(), p.districtName(), p.evidenceId(), p.authorId(),
				p.authorName(), p.title(), p.summary(), p.kind(), p.text(), p.url(), p.fileName(), p.mediaType(),
				p.sizeBytes(), p.templateId(), p.microcredential(), p.tierTitle(), p.requirementTitle(), p.standards(),
				p.clusters(), p.gradeBand(), p.subject(), p.audience(), p.enrollmentId(), p.tierKey(),
				existing.sharedAt(), p.facets());
	}

	/** Takes the caller's piece out of the library everywhere; withdrawing what is not shared changes nothing. */
	Mono<Void> withdraw(CairnUser user, String evidenceId) {
		return byEvidence(evidenceId).filter(p -> p.authorId().equals(user.personId())).flatMap(this::withdraw);
	}

	Mono<Void> withdraw(PracticePiece piece) {
		return openTo(piece.districtId())
			.flatMap(open -> reindex(piece, piece.audience().narrower(open), null, null))
			.then(mongo.remove(Query.query(Criteria.where("_id").is(piece.id())), PracticePiece.class))
			.doOnSuccess(r -> log.info("Practice piece {} withdrawn", piece.id()))
			.then();
	}

	/** Withdraws the pieces of an enrolment (of one tier, when given): its badge was revoked. */
	Mono<Long> withdrawFrom(String districtId, String enrollmentId, String tierKey) {
		Criteria where = Criteria.where("enrollmentId").is(enrollmentId).and("districtId").is(districtId);
		return mongo.find(Query.query(where), PracticePiece.class)
			.filter(p -> tierKey == null || tierKey.equals(p.tierKey()))
			.concatMap(p -> withdraw(p).thenReturn(1))
			.count();
	}

	Mono<PracticePiece> byEvidence(String evidenceId) {
		return mongo.findOne(Query.query(Criteria.where("evidenceId").is(evidenceId)), PracticePiece.class);
	}

	/** The caller's shared pieces among these evidence ids. */
	Flux<PracticePiece> sharedOf(CairnUser user, List<String> evidenceIds) {
		if (evidenceIds.isEmpty()) {
			return Flux.empty();
		}
		return mongo.find(Query.query(Criteria.where("evidenceId").in(evidenceIds)), PracticePiece.class)
			.filter(p -> p.authorId().equals(user.personId()));
	}

	// --- the district's setting ------------------------------------------------------------------------------------

	Mono<Audience> openTo(String districtId) {
		return mongo.findById(districtId, PracticeSettings.class).map(PracticeSettings::openTo)
			.defaultIfEmpty(Audience.DISTRICT);
	}

	/** Opens or closes the district's library; its pieces are re-filed for the new reach. Safe to repeat. */
	Mono<Audience> open(String districtId, Audience openTo) {
		return openTo(districtId).flatMap(before -> mongo
			.save(new PracticeSettings(districtId, openTo, clock.instant()))
			.then(before == openTo ? Mono.empty()
					: mongo.find(Query.query(Criteria.where("districtId").is(districtId)), PracticePiece.class)
						.concatMap(p -> reindex(p, p.audience().narrower(before), p, p.audience().narrower(openTo)))
						.then())
			.thenReturn(openTo));
	}

	// --- search entries ------------------------------------------------------------------------------------------

	/** Replaces exactly the postings that differ between a piece as it was and as it is now (either may be null). */
	Mono<Void> reindex(PracticePiece before, Audience openBefore, PracticePiece after, Audience openAfter) {
		Set<String> old = before == null ? Set.of() : PracticeKeys.keys(before, openBefore);
		Set<String> now = after == null ? Set.of() : PracticeKeys.keys(after, openAfter);
		Flux<Void> removed = Flux.fromIterable(old)
			.filter(k -> !now.contains(k))
			.flatMap(k -> mongo.updateMulti(Query.query(Criteria.where("key").is(k)),
					new Update().pull("postings", new org.bson.Document("p", before.id())), PracticeKey.class)
				.flatMap(r -> r.getModifiedCount() > 0 ? mongo.updateFirst(Query.query(Criteria.where("_id").is(k)),
						new Update().inc("n", -1), PracticeKeyCount.class).then() : Mono.<Void>empty()), WRITES);
		Flux<Void> added = Flux.fromIterable(now)
			.filter(k -> !old.contains(k))
			.flatMap(k -> mongo.findAndModify(Query.query(Criteria.where("_id").is(k)),
					new Update().inc("seq", 1).inc("n", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
					PracticeKeyCount.class)
				.flatMap(count -> {
					long bucket = (count.seq() - 1) / PracticeKey.SIZE;
					return mongo.upsert(Query.query(Criteria.where("_id").is(PracticeKey.id(k, bucket))),
							new Update().set("key", k).set("bucket", bucket).addToSet("postings", posting(after)),
							PracticeKey.class);
				})
				.then(), WRITES);
		return removed.thenMany(added).then();
	}

	static PracticeKey.Posting posting(PracticePiece piece) {
		return new PracticeKey.Posting(piece.id(), piece.sharedAt(), piece.districtId());
	}

	// --- finding -------------------------------------------------------------------------------------------------

	/** A signed-in reader's scopes: their district's pieces, and other districts' pieces opened to Cairn. */
	static List<String> scopesOf(CairnUser user) {
		return List.of(PracticeKeys.district(user.districtId()), PracticeKeys.CAIRN);
	}

	/**
	 * One page of the pieces under these scopes with every facet asked for, newest first. Each scope is read from
	 * its rarest facet's entries in sharing order, a bucket at a time, and stops at the page's end; the other facets
	 * are checked on their own entries (read whole while they hold at most {@link #MAX_ENTRIES}), only a facet holding
	 * more is checked on the pieces, a batch at a time. At most {@link #MAX_ENTRIES} of the rarest facet's entries are
	 * read.
	 *
	 * @param ownDistrict the reader's district: its pieces come from its own scope, not again from {@code cairn}
	 */
	Flux<PracticePiece> search(List<String> scopes, String ownDistrict, List<String> facets, ListPage page) {
		int wanted = (page.page() + 1) * page.size();
		List<String> counted = scopes.stream().flatMap(s -> facets.stream().map(f -> PracticeKeys.key(s, f))).toList();
		return mongo.find(Query.query(Criteria.where("_id").in(counted)), PracticeKeyCount.class)
			.collectMap(PracticeKeyCount::key, Function.identity())
			.flatMapMany(counts -> Flux.fromIterable(scopes)
				.flatMap(scope -> found(scope, ownDistrict, facets, counts, wanted)))
			.collectList()
			.map(found -> {
				Map<String, PracticePiece> newest = new LinkedHashMap<>();
				found.stream()
					.sorted(Comparator.comparing(PracticePiece::sharedAt).thenComparing(PracticePiece::id).reversed())
					.forEach(p -> newest.putIfAbsent(p.id(), p));
				return newest.values().stream().skip((long) page.page() * page.size()).limit(page.size()).toList();
			})
			.flatMapIterable(Function.identity());
	}

	/** Postings read for one facet of one scope of one search at most: bounds a search whose filters rarely meet. */
	static final int MAX_ENTRIES = 20_000;

	/** Pieces checked at once against a facet too common to read its entries. */
	private static final int CHECKED = 200;

	private static final Comparator<PracticeKey.Posting> NEWEST = Comparator.comparing(PracticeKey.Posting::t)
		.thenComparing(PracticeKey.Posting::p)
		.reversed();

	private Flux<PracticePiece> found(String scope, String ownDistrict, List<String> facets,
			Map<String, PracticeKeyCount> counts, int wanted) {
		java.util.function.ToLongFunction<String> size = f -> {
			PracticeKeyCount count = counts.get(PracticeKeys.key(scope, f));
			return count == null ? 0 : count.n();
		};
		String driver = facets.stream().min(Comparator.comparingLong(size)).orElseThrow();
		if (size.applyAsLong(driver) <= 0) {
			return Flux.empty(); // the rarest facet holds nothing: no piece has them all
		}
		List<String> others = facets.stream().filter(f -> !f.equals(driver)).toList();
		List<String> onEntries = others.stream().filter(f -> size.applyAsLong(f) <= MAX_ENTRIES).toList();
		List<String> onPieces = others.stream().filter(f -> !onEntries.contains(f)).toList();
		return Flux.fromIterable(onEntries)
			.concatMap(f -> postings(counts.get(PracticeKeys.key(scope, f)))
				.map(PracticeKey.Posting::p)
				.collect(java.util.stream.Collectors.toSet()))
			.collectList()
			.flatMapMany(members -> {
				Flux<String> candidates = postings(counts.get(PracticeKeys.key(scope, driver)))
					.filter(p -> !(PracticeKeys.CAIRN.equals(scope) && p.d().equals(ownDistrict)))
					.take(MAX_ENTRIES)
					.map(PracticeKey.Posting::p)
					.filter(id -> members.stream().allMatch(m -> m.contains(id)));
				if (onPieces.isEmpty()) {
					return candidates.take(wanted).collectList().flatMapMany(this::pieces);
				}
				return candidates.buffer(CHECKED)
					// one batch at a time: the reading stops once the page is full
					.concatMap(ids -> pieces(ids).filter(p -> p.facets().containsAll(onPieces)), 1)
					.take(wanted);
			});
	}

	/**
	 * A key's postings, newest bucket first (each bucket's newest first), one bucket read at a time by its id, so a
	 * reader that has enough stops the reading (a page of a browse reads one bucket, not every bucket it might need).
	 */
	private Flux<PracticeKey.Posting> postings(PracticeKeyCount count) {
		long newest = (count.seq() - 1) / PracticeKey.SIZE;
		return Flux.fromStream(java.util.stream.LongStream.rangeClosed(0, newest).mapToObj(b -> newest - b))
			.concatMap(bucket -> mongo.findById(PracticeKey.id(count.key(), bucket), PracticeKey.class), 1)
			.concatMapIterable(bucket -> bucket.postings().stream().sorted(NEWEST).toList());
	}

	/** The pieces with these ids, in this order; ids of withdrawn pieces are left out. */
	Flux<PracticePiece> pieces(List<String> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), PracticePiece.class)
			.collectMap(PracticePiece::id, Function.identity())
			.flatMapIterable(byId -> ids.stream().map(byId::get).filter(Objects::nonNull).toList());
	}

	/** A piece the reader may see: their district's, or another district's opened to Cairn (or the public). */
	Mono<PracticePiece> visible(CairnUser user, String pieceId) {
		return mongo.findById(pieceId, PracticePiece.class)
			.filterWhen(p -> p.districtId().equals(user.districtId()) ? Mono.just(true)
					: openTo(p.districtId()).map(open -> p.audience().narrower(open).compareTo(Audience.CAIRN) >= 0))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Practice piece " + pieceId)));
	}

	/** A piece shared publicly by a district open to the public. */
	Mono<PracticePiece> publicPiece(String pieceId) {
		return mongo.findById(pieceId, PracticePiece.class)
			.filterWhen(p -> openTo(p.districtId()).map(open -> p.audience().narrower(open) == Audience.PUBLIC))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Practice piece " + pieceId)));
	}

	// --- saved pieces -------------------------------------------------------------------------------------------------

	Mono<Void> save(CairnUser user, String pieceId) {
		return visible(user, pieceId)
			.flatMap(p -> mongo.insert(new SavedPiece(SavedPiece.id(user.personId(), p.id()), user.personId(), p.id(),
					clock.instant())).onErrorResume(DuplicateKeyException.class, ex -> Mono.empty()))
			.then();
	}

	Mono<Void> unsave(CairnUser user, String pieceId) {
		return mongo.remove(Query.query(Criteria.where("_id").is(SavedPiece.id(user.personId(), pieceId))),
				SavedPiece.class).then();
	}

	/** The reader's saved pieces that are still shared with them, newest saved first. */
	Flux<PracticePiece> saved(CairnUser user, ListPage page) {
		return mongo.find(page.apply(Query.query(Criteria.where("personId").is(user.personId()))
			.with(Sort.by(Sort.Order.desc("savedAt"), Sort.Order.desc("_id")))), SavedPiece.class)
			.map(SavedPiece::pieceId)
			.collectList()
			.flatMapMany(this::pieces)
			.filterWhen(p -> visible(user, p.id()).hasElement().onErrorReturn(false));
	}

	/** Which of these pieces the reader saved. */
	Mono<Set<String>> savedAmong(CairnUser user, List<String> pieceIds) {
		if (pieceIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		List<String> ids = pieceIds.stream().map(id -> SavedPiece.id(user.personId(), id)).toList();
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), SavedPiece.class)
			.map(SavedPiece::pieceId)
			.collect(HashSet::new, Set::add);
	}

	/** What the filters offer: clusters and standards by code and name, grade bands, subjects. */
	Map<String, Object> facets() {
		Map<String, Object> facets = new LinkedHashMap<>();
		facets.put("clusters",
				frameworks.clusters().stream().map(e -> new PracticePiece.Tag(e.code(), e.name())).toList());
		facets.put("standards", frameworks.learningForwardStandards()
			.stream()
			.map(e -> new PracticePiece.Tag(e.code(), e.name()))
			.toList());
		facets.put("gradeBands", GRADE_BANDS);
		facets.put("subjects", SUBJECTS);
		return facets;
	}

}
