package org.cairn.earning;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad evidence is refused with problem+json and nothing already saved is lost. */
class EvidenceIntegrationTests extends EarningTest {

	@Test
	void reflectionOutsideItsWordRangeSavesAsDraftButCannotBeSubmitted() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.template(district)));
		reflect(data.as(teacher), e, "tier-1", "reflection", RealFiles.words(120)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.wordCount")
			.isEqualTo(120)
			.jsonPath("$.withinRange")
			.isEqualTo(false)
			.jsonPath("$.minWords")
			.isEqualTo(500);
		submitTier(data.as(teacher), e, "tier-1").expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("requirements.reflection")
			.jsonPath("$.errors[0].message")
			.value(m -> assertThat((String) m).contains("120 words").contains("500-600"));
		data.as(teacher)
			.get()
			.uri("/api/v1/enrollments/{e}/evidence", e)
			.exchange()
			.expectBody()
			.jsonPath("$[0].wordCount")
			.isEqualTo(120);
	}

	@Test
	void laterTierTakesNoEvidenceAndCannotBeSubmittedBeforeItsPrerequisites() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.template(district)));
		// a locked tier refuses evidence in plain words (it used to take uploads it could never submit)
		upload(data.as(teacher), e, "tier-2", "artifacts", "photo.png", RealFiles.png()).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:tier-locked")
			.jsonPath("$.detail")
			.isEqualTo("Pass Evidence of learning first: Evidence of implementation opens once it has passed.");
		reflect(data.as(teacher), e, "tier-2", "reflection", RealFiles.words(300)).expectStatus().isEqualTo(409);
		submitTier(data.as(teacher), e, "tier-2").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("tiers.tier-1");
	}

	@Test
	void forbiddenKindRenamedToAnAllowedExtensionIsRefusedAndTheDraftKept() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.unlocked(district)));
		byte[] pdf = RealFiles.pdf("The real plan");
		uploaded(data.as(teacher), e, "tier-4", "plan", "plan.pdf", pdf);
		// an image renamed .pdf, into a requirement that takes PDF and Office documents only
		upload(data.as(teacher), e, "tier-4", "plan", "plan.pdf", RealFiles.png()).expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:forbidden-kind")
			.jsonPath("$.detectedKind")
			.isEqualTo("IMAGE");
		// a program renamed .pdf is no kind Cairn accepts
		upload(data.as(teacher), e, "tier-4", "plan", "plan2.pdf", RealFiles.elf()).expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:unrecognised-kind");
		data.as(teacher)
			.get()
			.uri("/api/v1/enrollments/{e}/evidence?tierKey=tier-4", e)
			.exchange()
			.expectBody(JSON_LIST)
			.value(list -> assertThat(list).singleElement()
				.satisfies(m -> assertThat(m).containsEntry("sha256", RealFiles.sha256(pdf))));
	}

	@Test
	void fileOverTheDistrictLimitIsRefusedAndLeavesNoChunks() {
		District district = withSettings(data.district(), 1_000_000, false, false, 100_000);
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.unlocked(district)));
		Set<Object> before = chunkFileIds();
		byte[] big = pngHeaderAndNoise(300_000);
		// declared length over the limit: refused before reading
		upload(data.as(teacher), e, "tier-2", "artifacts", "big.png", big).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:upload-too-large")
			.jsonPath("$.maxUploadBytes")
			.isEqualTo(100_000);
		// no declared length (chunked): refused while streaming, after chunks were written
		data.as(teacher)
			.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-2/requirements/artifacts/files/big.png", e)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunks(big, 16 * 1024, false), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413);
		assertNoEvidenceAndNoNewChunks(teacher, e, before);
	}

	@Test
	void uploadCutOffHalfWayLeavesNoEvidenceAndNoChunks() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.template(district)));
		Set<Object> before = chunkFileIds();
		byte[] video = new byte[3 * 1024 * 1024];
		System.arraycopy(RealFiles.mp4(), 0, video, 0, RealFiles.mp4().length);
		assertThatThrownBy(() -> data.as(teacher)
			.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-1/requirements/reflection/files/lesson.mp4", e)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunks(video, 64 * 1024, true), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isCreated()).isNotNull();
		assertNoEvidenceAndNoNewChunks(teacher, e, before);
	}

	@Test
	void evidenceForSomeoneElsesEnrollmentIsNotFound() {
		District district = data.district();
		Person owner = teacher(district);
		Person other = teacher(district);
		String e = approvedEnrollment(owner, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.unlocked(district)));
		Map<String, Object> photo = uploaded(data.as(owner), e, "tier-2", "artifacts", "photo.png", RealFiles.png());
		reflect(data.as(other), e, "tier-1", "reflection", "mine now").expectStatus().isNotFound();
		upload(data.as(other), e, "tier-2", "artifacts", "x.png", RealFiles.png()).expectStatus().isNotFound();
		submitTier(data.as(other), e, "tier-1").expectStatus().isNotFound();
		data.as(other).get().uri("/api/v1/evidence/{id}/content", photo.get("id")).exchange().expectStatus().isNotFound();
		data.as(other).delete().uri("/api/v1/evidence/{id}", photo.get("id")).exchange().expectStatus().isNotFound();
		data.as(other)
			.put()
			.uri("/api/v1/evidence/{id}/visibility", photo.get("id"))
			.bodyValue(Map.of("isPublic", true))
			.exchange()
			.expectStatus()
			.isNotFound();
		// an assessor who is not assigned sees nothing either, and the owner's reads are not audited
		Person bystander = data.person(district, Role.ASSESSOR);
		data.as(bystander)
			.get()
			.uri("/api/v1/evidence/{id}", photo.get("id"))
			.exchange()
			.expectStatus()
			.isNotFound();
		data.as(owner).get().uri("/api/v1/evidence/{id}/content", photo.get("id")).exchange().expectStatus().isOk();
	}

	@Test
	void contentIsServedWithRangesAndEveryNonOwnerReadIsAudited() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, admin, save(Parkway.unlocked(district)));
		byte[] png = RealFiles.png();
		Map<String, Object> photo = uploaded(data.as(teacher), e, "tier-2", "artifacts", "photo.png", png);
		byte[] whole = data.as(teacher)
			.get()
			.uri("/api/v1/evidence/{id}/content", photo.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Accept-Ranges", "bytes")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(whole).isEqualTo(png);
		byte[] tail = data.as(admin)
			.get()
			.uri("/api/v1/evidence/{id}/content", photo.get("id"))
			.header("Range", "bytes=-10")
			.exchange()
			.expectStatus()
			.isEqualTo(206)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(png, png.length - 10, png.length));
		data.as(admin)
			.get()
			.uri("/api/v1/evidence/{id}/content", photo.get("id"))
			.header("Range", "bytes=" + png.length + "-")
			.exchange()
			.expectStatus()
			.isEqualTo(416)
			.expectHeader()
			.valueEquals("Content-Range", "bytes */" + png.length);
		data.as(admin)
			.get()
			.uri("/api/v1/audit?evidenceId={id}", photo.get("id"))
			.exchange()
			.expectBody(JSON_LIST)
			.value(entries -> assertThat(entries).hasSize(2)
				.allSatisfy(m -> assertThat(m).containsEntry("actorId", admin.id())
					.containsEntry("ownerId", teacher.id())));
		data.as(teacher).get().uri("/api/v1/audit").exchange().expectStatus().isForbidden();
	}

	@Test
	void linksMustBeHttpUrls() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.template(district)));
		data.as(teacher)
			.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-4/requirements/links/links", e)
			.bodyValue(Map.of("urls", List.of("https://ok.example/a", "javascript:alert(1)", "ftp://x.example/f")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[0].field")
			.isEqualTo("urls[1]");
	}

	@Test
	void aBookCitationCountsAsASourceWhereTheTemplateSaysLinkOrCite() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.unlocked(district)));
		data.as(teacher)
			.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-4/requirements/links/links", e)
			.bodyValue(Map.of("urls", List.of("https://ok.example/a", "Hattie, J. (2009). Visible Learning. Routledge.")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2)
			.jsonPath("$[1].type")
			.isEqualTo("LINK")
			.jsonPath("$[1].name")
			.isEqualTo("Hattie, J. (2009). Visible Learning. Routledge.")
			.jsonPath("$[1].url")
			.isEmpty();
		// a scrap of text is not a citation, and says what one is
		data.as(teacher)
			.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-4/requirements/links/links", e)
			.bodyValue(Map.of("urls", List.of("a book")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(m -> assertThat((String) m).contains("author and the title"));
	}

	@Test
	void draftsSaveIdempotentlyAndNothingIsPublicByDefault() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.unlocked(district)));
		reflect(data.as(teacher), e, "tier-1", "reflection", "first draft").expectStatus().isOk();
		reflect(data.as(teacher), e, "tier-1", "reflection", "second draft here").expectStatus().isOk();
		uploaded(data.as(teacher), e, "tier-2", "artifacts", "photo.png", RealFiles.png());
		uploaded(data.as(teacher), e, "tier-2", "artifacts", "photo.png", RealFiles.png());
		data.as(teacher)
			.get()
			.uri("/api/v1/enrollments/{e}/evidence", e)
			.exchange()
			.expectBody(JSON_LIST)
			.value(list -> {
				assertThat(list).hasSize(2);
				assertThat(list).allSatisfy(m -> assertThat(m).containsEntry("isPublic", false));
				assertThat(list).anySatisfy(m -> assertThat(m).containsEntry("wordCount", 3));
			});
	}

	@Test
	void aFileOfManyChunksReadsBackWholeAndInRangesAndDeletingItLeavesNoChunks() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.unlocked(district)));
		int chunk = 255 * 1024;
		// 50 chunks: more than one delete batch, and reads that cross chunk boundaries
		byte[] bytes = pngHeaderAndNoise(50 * chunk - 100);
		Map<String, Object> photo = uploaded(data.as(teacher), e, "tier-2", "artifacts", "big.png", bytes);
		Object fileId = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("metadata.enrollmentId").is(e)),
				Document.class, "evidencefs.files").block().get("_id");
		assertThat(chunksOf(fileId)).isEqualTo(50);
		assertThat(content(teacher, photo.get("id"), null)).isEqualTo(bytes);
		assertThat(content(teacher, photo.get("id"), "bytes=" + (chunk - 10) + "-" + (3 * chunk + 9)))
			.isEqualTo(java.util.Arrays.copyOfRange(bytes, chunk - 10, 3 * chunk + 10));
		data.as(teacher).delete().uri("/api/v1/evidence/{id}", photo.get("id")).exchange().expectStatus().is2xxSuccessful();
		assertThat(chunksOf(fileId)).isZero();
		assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("_id").is(fileId)), "evidencefs.files")
			.block()).isZero();
	}

	private long chunksOf(Object fileId) {
		return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("files_id").is(fileId)), "evidencefs.chunks")
			.block();
	}

	private byte[] content(Person reader, Object evidenceId, String range) {
		var request = data.as(reader).get().uri("/api/v1/evidence/{id}/content", evidenceId);
		if (range != null) {
			request = request.header("Range", range);
		}
		var out = new java.io.ByteArrayOutputStream();
		request.exchange()
			.expectStatus()
			.isEqualTo(range == null ? 200 : 206)
			.returnResult(DataBuffer.class)
			.getResponseBody()
			.doOnNext(buffer -> {
				byte[] part = new byte[buffer.readableByteCount()];
				buffer.read(part);
				out.writeBytes(part);
				org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
			})
			.blockLast(Duration.ofSeconds(30));
		return out.toByteArray();
	}

	@Test
	void evidenceWaitsForApproval() {
		District district = data.district();
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		String e = (String) enroll(data.as(teacher), parkway.id()).get("id");
		reflect(data.as(teacher), e, "tier-1", "reflection", "too early").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:enrollment-not-active");
	}

	private void assertNoEvidenceAndNoNewChunks(Person teacher, String enrollmentId, Set<Object> before) {
		// cleanup of a refused or broken upload runs as the request ends; wait for it to settle
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		Set<Object> added;
		do {
			added = new HashSet<>(chunkFileIds());
			added.removeAll(before);
			if (added.isEmpty()) {
				break;
			}
			sleep();
		}
		while (System.nanoTime() < deadline);
		assertThat(added).as("orphaned GridFS chunks").isEmpty();
		data.as(teacher)
			.get()
			.uri("/api/v1/enrollments/{e}/evidence", enrollmentId)
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
		assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("metadata.enrollmentId").is(enrollmentId)),
				"evidencefs.files").block()).isZero();
	}

	private Set<Object> chunkFileIds() {
		return new HashSet<>(mongo.findDistinct(new org.springframework.data.mongodb.core.query.Query(), "files_id",
				"evidencefs.chunks", Document.class, Object.class).collectList().block());
	}

	private static byte[] pngHeaderAndNoise(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		byte[] png = RealFiles.png();
		System.arraycopy(png, 0, bytes, 0, 16);
		return bytes;
	}

	/** The bytes as a stream of buffers; with {@code breakHalfWay} the stream fails in the middle. */
	private static Flux<DataBuffer> chunks(byte[] bytes, int size, boolean breakHalfWay) {
		int count = (bytes.length + size - 1) / size;
		return Flux.range(0, count).map(i -> {
			if (breakHalfWay && i == count / 2) {
				throw new IllegalStateException("connection lost half-way");
			}
			int from = i * size;
			return (DataBuffer) DefaultDataBufferFactory.sharedInstance
				.wrap(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
		});
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
