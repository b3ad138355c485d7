package org.cairn.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The file names of one requirement's current evidence, kept in one store document per requirement (collection
 * {@value #COLLECTION}) so that the item limit and "one upload per name at a time" hold across requests and
 * instances. Every decision is one conditional update on that document, which MongoDB applies atomically: a new
 * name is pushed only while the list is shorter than {@code maxItems} ({@code names.<max-1>} does not exist) and no
 * live upload holds the name; a replacement only takes the name's upload lease. Nothing is locked in memory.
 * <p>
 * A lease ends when the upload ends; one left by an instance that died mid-upload expires after {@link #LEASE}. A
 * name left behind by such an instance (pushed, never stored) is dropped when the list is full and the name has
 * neither a current piece nor a live lease, with a compare-and-set on the document's version.
 */
@Component
class FileSlots {

	static final String COLLECTION = "evidenceslots";

	/** Longer than any upload the size limit and a slow school connection allow. */
	static final Duration LEASE = Duration.ofHours(2);

	private final ReactiveMongoTemplate mongo;

	private final EvidenceRepository evidence;

	private final Clock clock;

	FileSlots(ReactiveMongoTemplate mongo, EvidenceRepository evidence, Clock clock) {
		this.mongo = mongo;
		this.evidence = evidence;
		this.clock = clock;
	}

	/** A held upload lease; {@code newName} when the name was added to the requirement by this upload. */
	record Lease(String slotId, String name, boolean newName) {
	}

	static String slotId(String enrollmentId, String tierKey, String requirementKey) {
		return enrollmentId + ":" + tierKey + ":" + requirementKey;
	}

	/**
	 * Takes the name's upload lease, adding the name to the requirement if it is new and there is room. Fails with
	 * {@code 409 upload-in-progress} while another upload of the same name runs, and {@code 409 too-many-items} when
	 * the requirement is full.
	 */
	Mono<Lease> reserve(String enrollmentId, String tierKey, String requirementKey, String name, Integer maxItems) {
		String id = slotId(enrollmentId, tierKey, requirementKey);
		return ensure(id, enrollmentId, tierKey, requirementKey)
			.then(tryReserve(id, name, maxItems))
			.switchIfEmpty(Mono.defer(() -> explain(id, enrollmentId, tierKey, requirementKey, name, maxItems)));
	}

	private Mono<Lease> tryReserve(String id, String name, Integer maxItems) {
		Instant now = clock.instant();
		String lease = "uploading." + key(name);
		Criteria free = new Criteria().orOperator(Criteria.where(lease).exists(false),
				Criteria.where(lease).lte(Date.from(now)));
		Criteria fresh = Criteria.where("_id").is(id).and("names").ne(name);
		if (maxItems != null) {
			fresh = fresh.and("names." + (maxItems - 1)).exists(false);
		}
		Update take = new Update().set(lease, Date.from(now.plus(LEASE))).inc("v", 1);
		Mono<Lease> added = mongo
			.updateFirst(Query.query(new Criteria().andOperator(fresh, free)), take.push("names", name), COLLECTION)
			.filter(result -> result.getModifiedCount() == 1)
			.map(result -> new Lease(id, name, true));
		Update replace = new Update().set(lease, Date.from(now.plus(LEASE))).inc("v", 1);
		Mono<Lease> replacing = Mono.defer(() -> mongo
			.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id).and("names").is(name),
					free)), replace, COLLECTION)
			.filter(result -> result.getModifiedCount() == 1)
			.map(result -> new Lease(id, name, false)));
		return added.switchIfEmpty(replacing);
	}

	/** The lease name of a links requirement's whole list; no file name holds a control character. */
	private static final String LINKS = "\u0000links";

	/**
	 * Takes the lease of a links requirement: saving links replaces the whole list, so two saves at once could
	 * otherwise add up past {@code maxItems}. {@code 409 links-in-progress} while another save runs.
	 */
	Mono<Lease> reserveLinks(String enrollmentId, String tierKey, String requirementKey) {
		String id = slotId(enrollmentId, tierKey, requirementKey);
		Instant now = clock.instant();
		String lease = "uploading." + key(LINKS);
		Criteria free = new Criteria().orOperator(Criteria.where(lease).exists(false),
				Criteria.where(lease).lte(Date.from(now)));
		return ensure(id, enrollmentId, tierKey, requirementKey)
			.then(mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), free)),
					new Update().set(lease, Date.from(now.plus(LEASE))).inc("v", 1), COLLECTION))
			.filter(result -> result.getModifiedCount() == 1)
			.map(result -> new Lease(id, LINKS, false))
			.switchIfEmpty(Mono.error(() -> ProblemException.of(EvidenceProblem.LINKS_IN_PROGRESS, "links-in-progress")));
	}

	/**
	 * Why no lease was given. The document may have changed since the attempt (an upload of the name ended, a
	 * file was deleted), so a state that should have given a lease is tried again, a few times at most; a full list
	 * first drops names left behind by a dead upload.
	 */
	private Mono<Lease> explain(String id, String enrollmentId, String tierKey, String requirementKey, String name,
			Integer maxItems) {
		return explain(id, enrollmentId, tierKey, requirementKey, name, maxItems, 3);
	}

	private Mono<Lease> explain(String id, String enrollmentId, String tierKey, String requirementKey, String name,
			Integer maxItems, int attempts) {
		return mongo.findById(id, Document.class, COLLECTION).flatMap(slot -> {
			Date until = leaseOf(slot, name);
			if (until != null && until.toInstant().isAfter(clock.instant())) {
				return Mono.error(inProgress(name));
			}
			List<String> names = slot.getList("names", String.class, List.of());
			boolean room = names.contains(name) || maxItems == null || names.size() < maxItems;
			Mono<Boolean> retry = room ? Mono.just(true) : heal(slot, enrollmentId, tierKey, requirementKey);
			return retry.flatMap(again -> {
				if (!again) {
					return Mono.error(tooMany(maxItems));
				}
				if (attempts <= 1) {
					return Mono.error(names.contains(name) || room ? inProgress(name) : tooMany(maxItems));
				}
				return tryReserve(id, name, maxItems).switchIfEmpty(Mono.defer(
						() -> explain(id, enrollmentId, tierKey, requirementKey, name, maxItems, attempts - 1)));
			});
		});
	}

	/** Drops names with no current piece and no live lease, if the document did not change meanwhile. */
	private Mono<Boolean> heal(Document slot, String enrollmentId, String tierKey, String requirementKey) {
		Instant now = clock.instant();
		List<String> names = slot.getList("names", String.class, List.of());
		return evidence.findByEnrollmentIdAndTierKeyAndWithdrawnAtIsNull(enrollmentId, tierKey)
			.filter(e -> e.requirementKey().equals(requirementKey) && e.type() == EvidenceType.FILE)
			.map(Evidence::name)
			.collect(java.util.stream.Collectors.toSet())
			.flatMap(stored -> {
				List<String> keep = names.stream().filter(n -> {
					Date until = leaseOf(slot, n);
					return stored.contains(n) || (until != null && until.toInstant().isAfter(now));
				}).toList();
				if (keep.size() == names.size()) {
					return Mono.just(false);
				}
				return mongo
					.updateFirst(Query.query(Criteria.where("_id").is(slot.get("_id")).and("v").is(slot.get("v"))),
							new Update().set("names", keep).inc("v", 1), COLLECTION)
					.map(result -> result.getModifiedCount() == 1);
			});
	}

	/** Ends the lease: the upload is stored, or failed (then a name it added is removed again). */
	Mono<Void> release(Lease lease, boolean stored) {
		Update update = new Update().unset("uploading." + key(lease.name())).inc("v", 1);
		if (!stored && lease.newName()) {
			update.pull("names", lease.name());
		}
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(lease.slotId())), update, COLLECTION).then();
	}

	/** The teacher deleted the file: its name no longer counts. */
	Mono<Void> removed(Evidence piece) {
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(slotId(piece.enrollmentId(), piece.tierKey(),
					piece.requirementKey()))), new Update().pull("names", piece.name()).inc("v", 1), COLLECTION)
			.then();
	}

	/**
	 * Creates the requirement's document on its first upload, from the files already there (evidence stored
	 * before this document existed counts too). Two first uploads at once: one insert wins, the other's is refused
	 * by the unique id and it goes on with the winner's.
	 */
	private Mono<Void> ensure(String id, String enrollmentId, String tierKey, String requirementKey) {
		return mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION).flatMap(exists -> exists
				? Mono.empty()
				: evidence.findByEnrollmentIdAndTierKeyAndWithdrawnAtIsNull(enrollmentId, tierKey)
					.filter(e -> e.requirementKey().equals(requirementKey) && e.type() == EvidenceType.FILE)
					.map(Evidence::name)
					.collect(LinkedHashSet<String>::new, Set::add)
					.flatMap(names -> mongo.insert(new Document("_id", id).append("names", List.copyOf(names))
						.append("uploading", new Document())
						.append("v", 0L), COLLECTION))
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.empty())
					.then());
	}

	private static Date leaseOf(Document slot, String name) {
		Object uploading = slot.get("uploading");
		return uploading instanceof Map<?, ?> map && map.get(key(name)) instanceof Date date ? date : null;
	}

	/** A field name for any file name (file names may hold dots and dollars, which field names may not). */
	static String key(String name) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ProblemException inProgress(String name) {
		return ProblemException.of(EvidenceProblem.UPLOAD_IN_PROGRESS, "upload-in-progress", name);
	}

	static ProblemException tooMany(Integer max) {
		return ProblemException.of(EvidenceProblem.TOO_MANY_ITEMS, "too-many-items", max);
	}

}
