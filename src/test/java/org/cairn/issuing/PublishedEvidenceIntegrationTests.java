package org.cairn.issuing;

import java.net.URI;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.earning.EarningTest;
import org.cairn.earning.RealFiles;
import org.cairn.openbadges.OpaqueIds;
import org.cairn.template.ArtifactKind;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.RubricScale;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence a teacher publishes with a badge, end to end through the real earning API, issuing and the public web:
 * exactly the published piece is in the assertion and served; nothing else of the submission is reachable.
 */
@Import(IssuingFixtures.class)
class PublishedEvidenceIntegrationTests extends EarningTest {

	private static final MediaType LD = MediaType.parseMediaType("application/ld+json");

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	AwardRepository awards;

	@Autowired
	JsonMapper json;

	@Test
	void publishedPieceIsInTheAssertionAndServedUntilRevokedWhileTheRestOfTheSubmissionStaysPrivate() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Person teacher = teacher(district);
		Template template = save(classroomTemplate(district));
		String enrollmentId = approvedEnrollment(teacher, admin, template);
		byte[] png = RealFiles.png();
		Map<String, Object> photo = uploaded(data.as(teacher), enrollmentId, "tier-1", "artifacts", "anchor-chart.png",
				png);
		Map<String, Object> plan = uploaded(data.as(teacher), enrollmentId, "tier-1", "artifacts", "plan.pdf",
				RealFiles.pdf("Private lesson plan with student names"));
		String reflection = RealFiles.words(120);
		reflect(data.as(teacher), enrollmentId, "tier-1", "reflection", reflection).expectStatus().isOk();
		data.as(teacher)
			.put()
			.uri("/api/v1/evidence/{id}/visibility", photo.get("id"))
			.bodyValue(Map.of("isPublic", true))
			.exchange()
			.expectStatus()
			.isOk();
		String submissionId = (String) submitted(data.as(teacher), enrollmentId, "tier-1").get("id");
		decide(data.as(assessor), submissionId, decision(template.tiers().get(0), 1, "PASS", 1)).expectStatus().isOk();
		Award award = fixtures.grant(awards.findByDistrictIdAndPersonId(district.id(), teacher.id()).single().block());
		assertThat(award.publicEvidenceIds()).containsExactly((String) photo.get("id"));

		// the hosted assertion lists exactly the published piece, with a narrative
		JsonNode assertion = json.readTree(http.get()
			.uri("/public/assertions/{id}", award.assertionId())
			.accept(LD)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		JsonNode evidence = assertion.get("evidence");
		assertThat(evidence.isArray()).isTrue();
		assertThat(evidence.size()).isEqualTo(1);
		JsonNode piece = evidence.get(0);
		assertThat(piece.get("name").asString()).isEqualTo("Classroom artifacts");
		assertThat(piece.get("genre").asString()).isEqualTo("Image");
		assertThat(piece.get("narrative").asString()).contains("anchor-chart.png")
			.contains("Classroom artifacts (Evidence of implementation)");
		String evidenceUrl = piece.get("id").asString();
		String path = URI.create(evidenceUrl).getPath();
		assertThat(path).startsWith("/public/evidence/").doesNotContain((String) photo.get("id"));

		// its public URL serves the bytes, inline, never sniffed
		assertThat(http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("inline"))
			.expectBody()
			.returnResult()
			.getResponseBody()).isEqualTo(png);

		// nothing unpublished is reachable at any URL one could guess: evidence ids, the assertion id, random ids
		String reflectionId = reflectionId(teacher, enrollmentId);
		for (String guess : List.of((String) plan.get("id"), reflectionId, (String) photo.get("id"),
				award.assertionId(), award.id(), submissionId, OpaqueIds.next())) {
			notServed("/public/evidence/" + guess);
		}

		// a reload revalidates (304); a malformed If-None-Match is ignored
		String tag = http.get().uri(path).exchange().expectStatus().isOk().returnResult(byte[].class)
			.getResponseHeaders().getFirst(HttpHeaders.ETAG);
		assertThat(tag).matches("\"[0-9a-f]+\"");
		http.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, tag).exchange().expectStatus().isNotModified()
			.expectHeader().valueEquals(HttpHeaders.ETAG, tag);
		assertThat(http.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, "\"" + tag).exchange().expectStatus()
			.isOk().expectBody().returnResult().getResponseBody()).isEqualTo(png);

		// the teacher takes it back: gone at once, even for a client revalidating its copy; published again: served
		visibility(teacher, (String) photo.get("id"), false);
		notServed(path);
		http.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, tag).exchange().expectStatus().isNotFound();
		visibility(teacher, (String) photo.get("id"), true);
		http.get().uri(path).exchange().expectStatus().isOk();

		// revoking the badge takes the evidence off the public web
		data.as(admin)
			.post()
			.uri("/api/v1/assertions/{id}/revoke", award.assertionId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Awarded in error"))
			.exchange()
			.expectStatus()
			.isOk();
		notServed(path);

		// a reinstated badge publishes the same piece under a new public id; the revoked one's URL stays dead
		String freshId = json.readTree(data.as(admin)
			.post()
			.uri("/api/v1/assertions/{id}/reinstate", award.assertionId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody()).get("id").asString();
		JsonNode reinstated = json.readTree(http.get()
			.uri("/public/assertions/{id}", freshId)
			.accept(LD)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody()).get("evidence");
		assertThat(reinstated.size()).isEqualTo(1);
		String freshPath = URI.create(reinstated.get(0).get("id").asString()).getPath();
		assertThat(freshPath).isNotEqualTo(path);
		assertThat(http.get().uri(freshPath).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody()).isEqualTo(png);
		notServed(path);
	}

	@Test
	void signedBadgeCarriesThePublishedReflectionAsNarrativeInsideItsSignedPayload() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		data.as(admin)
			.put()
			.uri("/api/v1/issuing/settings")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", false))
			.exchange()
			.expectStatus()
			.isOk();
		Template template = save(classroomTemplate(district));
		String enrollmentId = approvedEnrollment(teacher, admin, template);
		Map<String, Object> photo = uploaded(data.as(teacher), enrollmentId, "tier-1", "artifacts", "private.png",
				RealFiles.png());
		String reflection = "What changed for my students. " + RealFiles.words(110);
		reflect(data.as(teacher), enrollmentId, "tier-1", "reflection", reflection).expectStatus().isOk();
		String reflectionId = reflectionId(teacher, enrollmentId);
		visibility(teacher, reflectionId, true);
		String submissionId = (String) submitted(data.as(teacher), enrollmentId, "tier-1").get("id");
		// admins may decide any submission
		decide(data.as(admin), submissionId, decision(template.tiers().get(0), 1, "PASS", 1)).expectStatus().isOk();
		fixtures.grant(awards.findByDistrictIdAndPersonId(district.id(), teacher.id()).single().block());

		String jws = json.readTree(data.as(teacher)
			.get()
			.uri("/api/v1/me/badges")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody()).get(0).get("jws").asString();
		JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
		JsonNode evidence = payload.get("evidence");
		assertThat(evidence.size()).isEqualTo(1);
		assertThat(evidence.get(0).get("genre").asString()).isEqualTo("Reflection");
		assertThat(evidence.get(0).get("name").asString()).isEqualTo("Reflection");
		assertThat(evidence.get(0).get("narrative").asString()).isEqualTo(reflection);
		String path = URI.create(evidence.get(0).get("id").asString()).getPath();
		String served = http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(reflection);
		notServed("/public/evidence/" + photo.get("id"));
		notServed("/public/evidence/" + reflectionId);
	}

	private String reflectionId(Person teacher, String enrollmentId) {
		return (String) data.as(teacher)
			.get()
			.uri("/api/v1/enrollments/{e}/evidence", enrollmentId)
			.exchange()
			.expectBody(JSON_LIST)
			.returnResult()
			.getResponseBody()
			.stream()
			.filter(e -> "TEXT".equals(e.get("type")))
			.findFirst()
			.map(e -> (String) e.get("id"))
			.orElseThrow();
	}

	private void visibility(Person teacher, String evidenceId, boolean isPublic) {
		data.as(teacher)
			.put()
			.uri("/api/v1/evidence/{id}/visibility", evidenceId)
			.bodyValue(Map.of("isPublic", isPublic))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void notServed(String path) {
		http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** One tier awarded on its own: classroom artifacts (images, PDFs) and a written reflection. */
	private static Template classroomTemplate(District district) {
		RubricCriterion shows = new RubricCriterion("shows", "Shows implementation",
				List.of("Not yet on track", "On track"));
		RubricCriterion meaning = new RubricCriterion("meaning", "Specific and meaningful",
				List.of("Not yet on track", "On track"));
		Requirement artifacts = new Requirement("artifacts", RequirementKind.ARTIFACTS, "Classroom artifacts",
				"Photos, work samples", null, null, null, null, Set.of(ArtifactKind.IMAGE, ArtifactKind.PDF), 1, 10,
				List.of(shows), null);
		Requirement reflection = new Requirement("reflection", RequirementKind.REFLECTION, "Reflection",
				"Reflect on your learning", 100, 300, null, null, Set.of(), null, null, List.of(meaning), null);
		Tier tier = new Tier("tier-1", "Evidence of implementation", "Artifacts and a reflection", List.of(), true,
				7500, "Title II-A", 8, List.of(artifacts, reflection));
		return new Template(null, district.id(), UUID.randomUUID().toString(), 1, TemplateStatus.PUBLISHED,
				"Station Rotation", "One tier", "Criteria", null, null, List.of(), null, RubricScale.twoLevel(), true,
				List.of(tier), null, Instant.now(), Instant.now(), null);
	}

}
