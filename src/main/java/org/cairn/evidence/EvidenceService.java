package org.cairn.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.enrollment.Enrollment;
import org.cairn.enrollment.Enrollments;
import org.cairn.enrollment.PinnedTemplates;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.review.Reviews;
import org.cairn.review.Submission;
import org.cairn.review.SubmissionState;
import org.cairn.template.ArtifactKind;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.Template;
import org.cairn.template.Tier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Drafting evidence, submitting a tier, and deciding who may read what. */
@Service
public class EvidenceService {

	static final int MAX_TEXT_CHARS = 100_000;

	static final int MAX_LINKS = 50;

	private final EvidenceRepository evidence;

	private final Enrollments enrollments;

	private final PinnedTemplates templates;

	private final Reviews reviews;

	private final DistrictRepository districts;

	private final FileStore files;

	private final FileSlots slots;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	EvidenceService(EvidenceRepository evidence, Enrollments enrollments, PinnedTemplates templates, Reviews reviews,
			DistrictRepository districts, FileStore files, FileSlots slots, ReactiveMongoTemplate mongo, Clock clock) {
		this.evidence = evidence;
		this.enrollments = enrollments;
		this.templates = templates;
		this.reviews = reviews;
		this.districts = districts;
		this.files = files;
		this.slots = slots;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Where a draft goes: the caller's active enrolment, a tier not waiting for or past review, a requirement. */
	record Slot(Enrollment enrollment, Template template, Tier tier, Requirement requirement) {

		String key(EvidenceType type, String name) {
			return Evidence.slot(enrollment.id(), tier.key(), requirement.key(), type, name);
		}

	}

	Mono<Slot> editableSlot(CairnUser user, String enrollmentId, String tierKey, String requirementKey) {
		return enrollments.own(user, enrollmentId).flatMap(e -> {
			if (!e.isActive()) {
				return Mono.error(ProblemException.of(EvidenceProblem.ENROLLMENT_NOT_ACTIVE, "enrollment-not-active", e.state().name().toLowerCase())
					.with("state", e.state()));
			}
			return templates.get(e.districtId(), e.templateId()).flatMap(t -> {
				Tier tier = e.tier(t, tierKey).orElseThrow(() -> ProblemException.notFound("Tier " + tierKey));
				Requirement requirement = tier.requirements()
					.stream()
					.filter(r -> r.key().equals(requirementKey))
					.findFirst()
					.orElseThrow(() -> ProblemException.notFound("Requirement " + requirementKey));
				// a tier opens once the tiers it requires have passed: before that it takes no evidence
				Mono<Void> open = tier.requires().isEmpty() ? Mono.empty()
						: reviews.passedTiers(e.id()).flatMap(passed -> {
							List<String> missing = tier.requires()
								.stream()
								.filter(key -> !passed.contains(key))
								.map(key -> t.tier(key).map(Tier::title).orElse(key))
								.toList();
							return missing.isEmpty() ? Mono.<Void>empty()
									: Mono.error(ProblemException.of(EvidenceProblem.TIER_LOCKED, "tier-locked", String.join(" and ", missing), tier.title())
										.with("requires", missing));
						});
				return open.then(reviews.find(e.id(), tierKey)
					.map(Submission::editable)
					.defaultIfEmpty(true)
					.flatMap(editable -> editable ? Mono.just(new Slot(e, t, tier, requirement))
							: Mono.error(ProblemException.of(EvidenceProblem.EVIDENCE_LOCKED, "evidence-locked"))));
			});
		});
	}

	// --- reflections -------------------------------------------------------------------------------------------

	public record ReflectionSaved(Evidence evidence, int wordCount, Integer minWords, Integer maxWords,
			boolean withinRange) {
	}

	/** Saves the draft text (any length up to the hard cap); the word range is enforced when the tier is submitted. */
	public Mono<ReflectionSaved> saveReflection(CairnUser user, String enrollmentId, String tierKey, String requirementKey,
			String text) {
		if (text == null || text.length() > MAX_TEXT_CHARS) {
			return Mono.error(ProblemException.invalid("text", "text of at most " + MAX_TEXT_CHARS + " characters"));
		}
		return editableSlot(user, enrollmentId, tierKey, requirementKey).flatMap(slot -> {
			if (slot.requirement().kind() != RequirementKind.REFLECTION) {
				return Mono.error(wrongKind(slot.requirement(), "a written reflection"));
			}
			int words = WordCount.of(text);
			Instant now = clock.instant();
			Evidence draft = new Evidence(null, slot.enrollment().districtId(), enrollmentId, user.personId(), tierKey,
					requirementKey, EvidenceType.TEXT, "reflection", text, words, null, null, "text/plain",
					null, (long) text.length(), null, slot.key(EvidenceType.TEXT, "reflection"), false, false, now,
					now, null);
			return upsert(draft).map(saved -> new ReflectionSaved(saved, words, slot.requirement().minWords(),
					slot.requirement().maxWords(), withinWords(slot.requirement(), words)));
		});
	}

	private static boolean withinWords(Requirement r, int words) {
		return (r.minWords() == null || words >= r.minWords()) && (r.maxWords() == null || words <= r.maxWords());
	}

	/**
	 * One current piece per slot: a draft is updated in place; a piece that was submitted is kept for the history
	 * and replaced by a new one.
	 */
	private Mono<Evidence> upsert(Evidence draft) {
		return evidence.findBySlotKey(draft.slotKey()).flatMap(existing -> {
			if (existing.submitted()) {
				return withdraw(existing).then(evidence.save(draft));
			}
			return evidence.save(new Evidence(existing.id(), draft.districtId(), draft.enrollmentId(),
					draft.personId(), draft.tierKey(), draft.requirementKey(), draft.type(), draft.name(), draft.text(),
					draft.wordCount(), draft.url(), draft.fileId(), draft.mediaType(), draft.artifactKind(),
					draft.sizeBytes(), draft.sha256(), draft.slotKey(), false, existing.isPublic(),
					existing.createdAt(), draft.updatedAt(), null));
		})
			.switchIfEmpty(Mono.defer(() -> evidence.save(draft)))
			// two saves of the same new draft at once: the loser updates the winner's piece
			.onErrorResume(DuplicateKeyException.class, ex -> upsert(draft));
	}

	private Mono<Void> withdraw(Evidence piece) {
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(piece.id())),
					new Update().set("withdrawnAt", clock.instant()).set("slotKey", "withdrawn:" + piece.id()),
					Evidence.class)
			.then();
	}

	/** Removes a piece: a draft is deleted (with its bytes); a submitted piece is withdrawn but kept. */
	private Mono<Void> remove(Evidence piece) {
		if (piece.submitted()) {
			return withdraw(piece);
		}
		return evidence.delete(piece)
			.then(piece.fileId() == null ? Mono.empty() : files.delete(new ObjectId(piece.fileId())));
	}

	// --- links -------------------------------------------------------------------------------------------------

	/** Replaces the requirement's links with {@code urls} (in order, duplicates removed). */
	public Mono<List<Evidence>> saveLinks(CairnUser user, String enrollmentId, String tierKey, String requirementKey,
			List<String> urls) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> wanted = new LinkedHashSet<>();
		for (int i = 0; i < urls.size(); i++) {
			String url = urls.get(i) == null ? "" : urls.get(i).trim().replaceAll("\\s+", " ");
			// "link or cite": a web address, or a citation of a book or article that has none
			String problem = LinkEntries.problem(url);
			if (problem != null) {
				problems.add(new FieldProblem("urls[" + i + "]", problem));
			}
			wanted.add(url);
		}
		if (urls.size() > MAX_LINKS) {
			problems.add(new FieldProblem("urls", "at most " + MAX_LINKS + " links"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems));
		}
		return editableSlot(user, enrollmentId, tierKey, requirementKey).flatMap(slot -> {
			if (slot.requirement().kind() != RequirementKind.LINKS) {
				return Mono.error(wrongKind(slot.requirement(), "links"));
			}
			Integer max = slot.requirement().maxItems();
			if (max != null && wanted.size() > max) {
				return Mono.error(ProblemException.invalid("urls", "at most " + max + " links for this requirement"));
			}
			Instant now = clock.instant();
			Mono<Void> dropOld = current(slot)
				.filter(e -> e.type() == EvidenceType.LINK && !wanted.contains(e.url() != null ? e.url() : e.name()))
				.concatMap(this::remove)
				.then();
			Flux<Evidence> keep = Flux.fromIterable(wanted)
				.concatMap(url -> evidence.findBySlotKey(slot.key(EvidenceType.LINK, url))
					.switchIfEmpty(Mono.defer(() -> evidence.save(new Evidence(null, slot.enrollment().districtId(),
							enrollmentId, user.personId(), tierKey, requirementKey, EvidenceType.LINK, url, null,
							null, LinkEntries.looksLikeAddress(url) ? url : null, null, null, null, null, null,
							slot.key(EvidenceType.LINK, url), false, false,
							now, now, null)))));
			// one save at a time per requirement, across instances, so two lists cannot add up past the limit
			return Mono.usingWhen(slots.reserveLinks(enrollmentId, tierKey, requirementKey),
					lease -> dropOld.thenMany(keep).collectList(), lease -> slots.release(lease, true),
					(lease, error) -> slots.release(lease, false), lease -> slots.release(lease, false));
		});
	}

	// --- files -------------------------------------------------------------------------------------------------

	/** The kinds a requirement accepts, by content. */
	public static Set<ArtifactKind> allowedKinds(Requirement r) {
		return switch (r.kind()) {
			case VIDEO -> EnumSet.of(ArtifactKind.VIDEO);
			case REFLECTION -> r.acceptsVideoInstead() ? EnumSet.of(ArtifactKind.VIDEO) : EnumSet.noneOf(ArtifactKind.class);
			case ARTIFACTS -> r.allowedKinds().isEmpty() ? EnumSet.allOf(ArtifactKind.class)
					: EnumSet.copyOf(r.allowedKinds());
			case DATA -> r.allowedKinds().isEmpty()
					? EnumSet.of(ArtifactKind.SPREADSHEET, ArtifactKind.TEXT, ArtifactKind.PDF, ArtifactKind.DOCUMENT,
							ArtifactKind.IMAGE)
					: EnumSet.copyOf(r.allowedKinds());
			default -> EnumSet.noneOf(ArtifactKind.class);
		};
	}

	/**
	 * Streams a file into the requirement under {@code filename}; uploading the same name again replaces the draft.
	 */
	public Mono<Evidence> upload(CairnUser user, String enrollmentId, String tierKey, String requirementKey,
			String filename, Long declaredLength, Flux<DataBuffer> body) {
		String name = filename == null ? "" : filename.strip();
		if (name.isEmpty() || name.length() > 200 || name.contains("/") || name.contains("\\")
				|| name.chars().anyMatch(Character::isISOControl)) {
			return Mono.error(ProblemException.invalid("filename", "a file name of 1 to 200 characters, no slashes"));
		}
		return editableSlot(user, enrollmentId, tierKey, requirementKey)
			.zipWith(districts.findById(user.districtId()))
			.flatMap(sd -> {
				Slot slot = sd.getT1();
				District district = sd.getT2();
				Set<ArtifactKind> allowed = allowedKinds(slot.requirement());
				if (allowed.isEmpty()) {
					return Mono.error(wrongKind(slot.requirement(), "files"));
				}
				long max = district.maxUploadBytes() > 0 ? district.maxUploadBytes()
						: District.DEFAULT_MAX_UPLOAD_BYTES;
				if (declaredLength != null && declaredLength > max) {
					return Mono.error(FileStore.tooLarge(max));
				}
				String key = slot.key(EvidenceType.FILE, name);
				Integer maxItems = slot.requirement().maxItems();
				if (maxItems != null && maxItems <= 0) {
					return Mono.error(FileSlots.tooMany(maxItems));
				}
				// the lease is taken before a byte is stored and held until the piece is saved, so neither the
				// item limit nor one name can be raced past, on this instance or another
				return Mono.usingWhen(slots.reserve(enrollmentId, tierKey, requirementKey, name, maxItems),
						lease -> files.store(body, name, max, declaredLength, allowed,
								new org.bson.Document("enrollmentId", enrollmentId).append("personId", user.personId())
									.append("districtId", user.districtId()))
							.flatMap(stored -> saveFile(user, slot, name, key, stored)
								.onErrorResume(ex -> files.delete(stored.id()).then(Mono.error(ex)))),
						lease -> slots.release(lease, true), (lease, error) -> slots.release(lease, false),
						lease -> slots.release(lease, false));
			});
	}

	private Mono<Evidence> saveFile(CairnUser user, Slot slot, String name, String key, FileStore.Stored stored) {
		Instant now = clock.instant();
		Evidence fresh = new Evidence(null, slot.enrollment().districtId(), slot.enrollment().id(), user.personId(),
				slot.tier().key(), slot.requirement().key(), EvidenceType.FILE, name, null, null, null,
				stored.id().toHexString(), stored.detected().mediaType(), stored.detected().kind(), stored.size(),
				stored.sha256(), key, false, false, now, now, null);
		return evidence.findBySlotKey(key)
			.flatMap(previous -> remove(previous).thenReturn(previous))
			.map(previous -> new Evidence(null, fresh.districtId(), fresh.enrollmentId(), fresh.personId(),
					fresh.tierKey(), fresh.requirementKey(), fresh.type(), fresh.name(), null, null, null,
					fresh.fileId(), fresh.mediaType(), fresh.artifactKind(), fresh.sizeBytes(), fresh.sha256(), key,
					false, previous.isPublic(), now, now, null))
			.defaultIfEmpty(fresh)
			.flatMap(evidence::save)
			// only reachable when an upload lease expired while its upload still ran
			.onErrorMap(DuplicateKeyException.class, ex -> FileSlots.inProgress(name));
	}

	/** Deletes (or, if it was submitted, withdraws) a piece of the caller's draft. */
	Mono<Void> delete(CairnUser user, String evidenceId) {
		return ownPiece(user, evidenceId).flatMap(piece -> editableSlot(user, piece.enrollmentId(), piece.tierKey(),
				piece.requirementKey())
			.then(remove(piece))
			.then(piece.type() == EvidenceType.FILE ? slots.removed(piece) : Mono.empty()));
	}

	public Mono<Evidence> setPublic(CairnUser user, String evidenceId, boolean isPublic) {
		return ownPiece(user, evidenceId).flatMap(piece -> mongo
			.updateFirst(Query.query(Criteria.where("_id").is(piece.id())), new Update().set("isPublic", isPublic),
					Evidence.class)
			.then(evidence.findById(piece.id())));
	}

	private Mono<Evidence> ownPiece(CairnUser user, String evidenceId) {
		return evidence.findByIdAndDistrictId(evidenceId, user.districtId())
			.filter(e -> e.personId().equals(user.personId()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Evidence " + evidenceId)));
	}

	private Flux<Evidence> current(Slot slot) {
		return evidence.findByEnrollmentIdAndTierKeyAndWithdrawnAtIsNull(slot.enrollment().id(), slot.tier().key())
			.filter(e -> e.requirementKey().equals(slot.requirement().key()));
	}

	// --- submitting a tier ---------------------------------------------------------------------------------------

	/**
	 * Checks every requirement of the tier (word ranges, item counts, earlier tiers passed), locks the evidence and
	 * queues the tier for review. Submitting a tier already waiting returns its submission unchanged.
	 */
	public Mono<Submission> submitTier(CairnUser user, String enrollmentId, String tierKey) {
		return enrollments.own(user, enrollmentId)
			.flatMap(e -> templates.get(e.districtId(), e.templateId()).flatMap(t -> {
				Tier tier = e.tier(t, tierKey).orElseThrow(() -> ProblemException.notFound("Tier " + tierKey));
				return reviews.find(enrollmentId, tierKey).flatMap(existing -> existing.state() == SubmissionState.RETURNED
						? Mono.<Submission>empty() : Mono.just(existing))
					.switchIfEmpty(Mono.defer(() -> {
						if (!e.isActive()) {
							return Mono.error(ProblemException.of(EvidenceProblem.ENROLLMENT_NOT_ACTIVE, "enrollment-not-active-2"));
						}
						return reviews.passedTiers(enrollmentId)
							.zipWith(evidence.findByEnrollmentIdAndTierKeyAndWithdrawnAtIsNull(enrollmentId, tierKey)
								.collectList())
							.flatMap(pe -> {
								List<FieldProblem> problems = TierCheck.problems(tier, pe.getT1(), pe.getT2());
								if (!problems.isEmpty()) {
									return Mono.error(ProblemException.invalid(problems));
								}
								List<String> ids = pe.getT2().stream().map(Evidence::id).toList();
								// a cohort past its due date may refuse the tier: before the evidence locks
								return reviews.checkSubmission(e, tier).then(mongo
									.updateMulti(Query.query(Criteria.where("_id").in(ids)),
											new Update().set("submitted", true), Evidence.class))
									.then(reviews.submit(e, t, tier, ids));
							});
					}));
			}));
	}

	// --- reading ---------------------------------------------------------------------------------------------------

	/** The piece if the caller may read it: its owner, the tier's assessor, or a district admin; else 404. */
	Mono<Evidence> readable(CairnUser user, String evidenceId) {
		return evidence.findByIdAndDistrictId(evidenceId, user.districtId())
			.filterWhen(e -> mayRead(user, e.personId(), e.enrollmentId(), e.tierKey()))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Evidence " + evidenceId)));
	}

	Mono<Boolean> mayRead(CairnUser user, String ownerId, String enrollmentId, String tierKey) {
		if (ownerId.equals(user.personId()) || user.has(Role.DISTRICT_ADMIN)) {
			return Mono.just(true);
		}
		return reviews.isAssessorOf(user, enrollmentId, tierKey);
	}

	/** Current evidence of an enrolment the caller may read (all of it for owner and admins, assigned tiers for an assessor). */
	public Flux<Evidence> list(CairnUser user, String enrollmentId, String tierKey) {
		return enrollments.get(user.districtId(), enrollmentId)
			.flatMapMany(e -> evidence.findByEnrollmentIdAndWithdrawnAtIsNull(enrollmentId)
				.filter(piece -> tierKey == null || piece.tierKey().equals(tierKey))
				.filterWhen(piece -> mayRead(user, e.personId(), e.id(), piece.tierKey())));
	}

	private static ProblemException wrongKind(Requirement r, String what) {
		return ProblemException.of(EvidenceProblem.WRONG_EVIDENCE_KIND, "wrong-evidence-kind", r.key(), r.kind().name().toLowerCase(), what);
	}

}
