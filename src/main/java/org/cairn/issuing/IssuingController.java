package org.cairn.issuing;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in side of issuing: a teacher's badges; a district admin's assertions and settings. */
@RestController
class IssuingController {

	private final ReactiveMongoTemplate mongo;

	private final Issuance issuance;

	private final Reissues reissues;

	private final Issuers issuers;

	private final Generations generations;

	private final PublicUrls urls;

	private final org.cairn.account.EmailAddresses addresses;

	private final org.cairn.account.PersonRepository people;

	IssuingController(ReactiveMongoTemplate mongo, Issuance issuance, Reissues reissues, Issuers issuers,
			Generations generations, PublicUrls urls, org.cairn.account.EmailAddresses addresses,
			org.cairn.account.PersonRepository people) {
		this.reissues = reissues;
		this.addresses = addresses;
		this.people = people;
		this.mongo = mongo;
		this.issuance = issuance;
		this.issuers = issuers;
		this.generations = generations;
		this.urls = urls;
	}

	/**
	 * The caller's badges: those issued to them (whichever of their addresses they went to), and those of the
	 * district awarded to one of their verified addresses before it was known to be theirs (a bulk award by email).
	 */
	@GetMapping("/api/v1/me/badges")
	Flux<AssertionView> myBadges(@AuthenticationPrincipal CairnUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size) {
		ListPage onePage = ListPage.of(page, size);
		// two queries an index answers on any store (the person's badges by personId; unclaimed ones by the index's
		// null entries), merged here, instead of one $or over the district that the embedded store would read in
		// date order until it found a page of this person's badges among the district's
		int upTo = (page + 1) * size;
		Sort newestFirst = Sort.by(Sort.Direction.DESC, "issuedOn").and(Sort.by("_id"));
		return verifiedAddresses(user).flatMapMany(mine -> {
			Flux<IssuedAssertion> theirs = mongo.find(Query.query(Criteria.where("personId").is(user.personId())
				.and("districtId").is(user.districtId())).with(newestFirst).limit(upTo), IssuedAssertion.class);
			Flux<IssuedAssertion> toTheirAddresses = mine.isEmpty() ? Flux.empty()
					: mongo.find(Query.query(Criteria.where("personId").is(null)
						.and("districtId").is(user.districtId())
						.and("recipientEmail").in(mine)).with(newestFirst).limit(upTo), IssuedAssertion.class);
			return Flux.merge(theirs, toTheirAddresses)
				.collectSortedList(java.util.Comparator.comparing(IssuedAssertion::issuedOn,
						java.util.Comparator.nullsLast(java.util.Comparator.<Instant>reverseOrder()))
					.thenComparing(IssuedAssertion::id))
				.flatMapMany(all -> Flux.fromIterable(onePage.of(all)));
		}).map(this::view);
	}

	/**
	 * Re-issues one of the caller's badges to another of their verified addresses (201 with the new badge); the old
	 * one is revoked as "reissued" and points at it. Retrying returns the same new badge.
	 */
	@PostMapping("/api/v1/me/badges/{id}/reissue")
	Mono<org.springframework.http.ResponseEntity<AssertionView>> reissue(@AuthenticationPrincipal CairnUser user,
			@PathVariable String id, @Valid @RequestBody Reissue body) {
		return verifiedAddresses(user)
			.flatMap(mine -> reissues.reissue(user.districtId(), user.personId(), mine, id, body.email()))
			.map(fresh -> org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
				.body(view(fresh)));
	}

	private Mono<java.util.Set<String>> verifiedAddresses(CairnUser user) {
		return people.findById(user.personId()).flatMap(addresses::verifiedOf).defaultIfEmpty(java.util.Set.of());
	}

	/**
	 * The district's badges, newest first, 50 (at most 200) at a time: {@code after} (the id of the last badge
	 * shown) gives the next ones and {@code before} (the first shown) the ones before, each reading only what it
	 * returns; {@code page} skips, so a deep page reads what it skips.
	 */
	@GetMapping("/api/v1/assertions")
	Mono<List<AssertionView>> districtAssertions(@AuthenticationPrincipal CairnUser user,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) String q, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before) {
		user.require(Role.DISTRICT_ADMIN);
		if (page < 0 || size < 1 || size > 200) {
			throw ProblemException.invalid("size", "page must be 0 or more and size between 1 and 200.");
		}
		if (after != null && before != null) {
			throw ProblemException.invalid("after", "ask for the badges after one badge or before one, not both.");
		}
		String from = after != null ? after : before;
		if (from == null) {
			return districtAssertions(user, q, null, false, page, size);
		}
		return mongo.findOne(Query.query(Criteria.where("_id").is(from).and("districtId").is(user.districtId())),
				IssuedAssertion.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.invalid(after != null ? "after" : "before",
					"that badge is not in this district's list any more: start again from the first page.")))
			.flatMap(edge -> districtAssertions(user, q, edge, before != null, 0, size));
	}

	/**
	 * One page of the district's badges; with an edge (the last badge shown, or the first when going back) the
	 * badges past it in the list's order (newest first, then by id): the issue date bounds the index range read
	 * ({@code district_issued}, on either store) and the id orders the badges issued at the edge's instant.
	 */
	private Mono<List<AssertionView>> districtAssertions(CairnUser user, String q, IssuedAssertion edge,
			boolean back, int page, int size) {
		Criteria district = Criteria.where("districtId").is(user.districtId());
		List<Criteria> conditions = new java.util.ArrayList<>();
		List<String> words = q == null ? List.of() : RecipientWords.query(q);
		if (!words.isEmpty()) {
			// by name or email: every word the admin typed begins a word of the recipient's name or email; the index
			// of the district's words answers it from the rarest word's assertions
			String districtId = user.districtId();
			district = district.and("searchWords").is(RecipientWords.key(districtId, words.get(0)));
			List<Criteria> more = new java.util.ArrayList<>(words.subList(1, words.size())
				.stream()
				.map(word -> Criteria.where("searchWords").is(RecipientWords.key(districtId, word)))
				.toList());
			String domain = RecipientWords.domain(q);
			if (domain != null) { // "@school.org": matched on the assertions the words found
				more.add(Criteria.where("recipientEmail")
					.regex("@" + java.util.regex.Pattern.quote(domain), "i"));
			}
			conditions.addAll(more);
		}
		else if (q != null && !q.isBlank()) {
			// a single letter: matched anywhere in the name or email (reads the district's assertions)
			String literal = java.util.regex.Pattern.quote(q.strip());
			conditions.add(new Criteria().orOperator(Criteria.where("recipientName").regex(literal, "i"),
					Criteria.where("recipientEmail").regex(literal, "i")));
		}
		Sort order = Sort.by(Sort.Direction.DESC, "issuedOn").and(Sort.by("_id"));
		if (edge != null) {
			// newest first: after the edge is older, or as old with a greater id; going back, the reverse
			Instant at = edge.issuedOn();
			district = back ? district.and("issuedOn").gte(at) : district.and("issuedOn").lte(at);
			conditions.add(new Criteria().orOperator(
					back ? Criteria.where("issuedOn").gt(at) : Criteria.where("issuedOn").lt(at),
					back ? Criteria.where("_id").lt(edge.id()) : Criteria.where("_id").gt(edge.id())));
			if (back) {
				order = Sort.by("issuedOn").and(Sort.by(Sort.Direction.DESC, "_id"));
			}
		}
		if (!conditions.isEmpty()) {
			district = district.andOperator(conditions.toArray(Criteria[]::new));
		}
		return mongo.find(Query.query(district).with(order).skip((long) page * size).limit(size),
				IssuedAssertion.class)
			.map(this::view)
			.collectList()
			.map(views -> {
				if (back) { // read nearest first: shown newest first like every page
					java.util.Collections.reverse(views);
				}
				return views;
			});
	}

	@GetMapping("/api/v1/assertions/{id}")
	Mono<AssertionView> assertion(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("districtId").is(user.districtId())),
				IssuedAssertion.class)
			.filterWhen(a -> user.has(Role.DISTRICT_ADMIN) || user.personId().equals(a.personId()) ? Mono.just(true)
					: a.personId() != null ? Mono.just(false)
							: verifiedAddresses(user).map(mine -> mine.contains(a.recipientEmail())))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assertion " + id)))
			.map(this::view);
	}

	@PostMapping("/api/v1/assertions/{id}/revoke")
	Mono<AssertionView> revoke(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody Revocation body) {
		user.require(Role.DISTRICT_ADMIN);
		return issuance.revoke(user.districtId(), id, body.reason().strip()).map(this::view);
	}

	@PostMapping("/api/v1/assertions/{id}/reinstate")
	Mono<AssertionView> reinstate(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		user.require(Role.DISTRICT_ADMIN);
		return issuance.reinstate(user.districtId(), id).map(this::view);
	}

	@GetMapping("/api/v1/issuing/settings")
	Mono<SettingsView> settings(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return issuers.forDistrict(user.districtId()).map(this::settingsView);
	}

	@PutMapping("/api/v1/issuing/settings")
	Mono<SettingsView> updateSettings(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody IssuingSettings body) {
		user.require(Role.DISTRICT_ADMIN);
		return issuers.forDistrict(user.districtId())
			.flatMap(issuer -> issuers.save(issuer.with(body)))
			.onErrorMap(org.springframework.dao.OptimisticLockingFailureException.class,
					ex -> ProblemException.of(IssuingProblem.CONCURRENT_UPDATE, "concurrent-update"))
			.flatMap(saved -> generations.bump(user.districtId()).thenReturn(saved))
			.map(this::settingsView);
	}

	private AssertionView view(IssuedAssertion a) {
		return new AssertionView(a.id(), urls.assertion(a.id()), urls.badge(a.badgeClassId()), a.personId(),
				a.recipientEmail(), a.recipientName(), a.tierKey(), a.mode(), a.issuedOn(), a.expires(), a.revoked(),
				a.revocationReason(), a.replaces(), a.replacedBy(), urls.assertionImage(a.id()) + "?format=png",
				urls.assertionImage(a.id()) + "?format=svg", urls.certificate(a.id()), a.jws());
	}

	private SettingsView settingsView(IssuerRecord issuer) {
		return new SettingsView(urls.issuer(issuer.id()), issuer.defaultMode(), issuer.showStipend(),
				issuer.showHours(), issuer.signatoryName(), issuer.signatoryTitle(), urls.revocations(issuer.id()));
	}

	record Reissue(@NotBlank @jakarta.validation.constraints.Email @Size(max = 320) String email) {
	}

	record Revocation(@NotBlank @Size(max = 500) String reason) {
	}

	record SettingsView(String issuerUrl, VerificationMode defaultMode, boolean showStipend, boolean showHours,
			String signatoryName, String signatoryTitle, String revocationListUrl) {
	}

	record AssertionView(String id, String url, String badgeClassUrl, String personId, String recipientEmail,
			String recipientName, String tierKey, VerificationMode mode, Instant issuedOn, Instant expires,
			boolean revoked, String revocationReason, String replaces, String replacedBy, String pngUrl, String svgUrl,
			String certificateUrl, String jws) {
	}

}
