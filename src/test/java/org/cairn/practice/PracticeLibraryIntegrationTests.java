package org.cairn.practice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.cairn.issuing.IssuingFixtures;
import org.cairn.openbadges.OpaqueIds;
import org.cairn.template.Alignment;
import org.cairn.template.ArtifactKind;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.RubricScale;
import org.cairn.template.Tags;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practice library end to end through the real API: a teacher shares a passed tier's lesson plan, colleagues
 * find it by cluster, standard, grade, subject and words, open and save it; other districts and anonymous visitors
 * see only what the district and the teacher opened; withdrawal and a revoked badge take it away everywhere.
 */
@Import(IssuingFixtures.class)
class PracticeLibraryIntegrationTests extends EarningTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	AwardRepository awards;

	record Passed(District district, Person admin, Person teacher, Template template, String enrollmentId,
			String planId, String reflectionId, String notesId) {
	}

	@Test
	void teacherSharesAPassedLessonPlanAndAColleagueFindsItByClusterOpensItAndSavesIt() {
		Passed p = passedTier();
		Person colleague = teacher(p.district());
		WebTestClient teacher = data.as(p.teacher());

		// what may be shared: the passed tier's three pieces
		List<Map<String, Object>> shareable = teacher.get().uri("/api/v1/practice/shareable").exchange()
			.expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
		assertThat(shareable).extracting(s -> (Object) ((Map<?, ?>) s.get("evidence")).get("id"))
			.containsExactlyInAnyOrder(p.planId(), p.reflectionId(), p.notesId());

		// sharing asks for the students' privacy first, and for a grade band and subject from the lists
		share(teacher, p.planId(), shareBody("Fraction stations lesson plan", "PUBLIC", false, false)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:cairn:problem:student-privacy-unconfirmed");
		Map<String, Object> bad = shareBody("Fraction stations lesson plan", "PUBLIC", false, true);
		bad.put("gradeBand", "grade seven");
		share(teacher, p.planId(), bad).expectStatus().isEqualTo(422).expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("gradeBand");

		Map<String, Object> piece = shared(teacher, p.planId(), shareBody("Fraction stations lesson plan", "PUBLIC",
				false, true));
		// the same request again is one piece, not two
		assertThat(shared(teacher, p.planId(), shareBody("Fraction stations lesson plan", "PUBLIC", false, true))
			.get("id")).isEqualTo(piece.get("id"));
		String pieceId = (String) piece.get("id");
		assertThat(pieceId).isNotEqualTo(p.planId());

		// a colleague finds it by cluster, standard, grade, subject and words; with the microcredential and the name
		WebTestClient c = data.as(colleague);
		List<Map<String, Object>> byCluster = search(c, "cluster=C6");
		assertThat(byCluster).extracting(m -> m.get("id")).containsExactly(pieceId);
		assertThat(byCluster.get(0)).containsEntry("microcredential", p.template().title())
			.containsEntry("author", p.teacher().displayName())
			.containsEntry("requirementTitle", "Lesson plan or overview")
			.containsEntry("saved", false);
		assertThat(search(c, "cluster=FFT.C6&standard=LF2011.DATA&grade=3-5&subject=Mathematics&q=fractions"))
			.extracting(m -> m.get("id")).containsExactly(pieceId);
		assertThat(search(c, "cluster=C2")).isEmpty();
		assertThat(search(c, "grade=6-8")).isEmpty();
		assertThat(search(c, "q=fraction+geometry")).isEmpty();
		assertThat(search(c, "")).extracting(m -> m.get("id")).containsExactly(pieceId);

		// opens it: the PDF itself, inert
		byte[] body = c.get().uri("/api/v1/practice/pieces/{id}/content", pieceId).exchange().expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_PDF)
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().value("Content-Security-Policy", v -> assertThat(v).startsWith("sandbox"))
			.expectBody().returnResult().getResponseBody();
		assertThat(new String(body, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// saves it (twice is once), sees it in Saved, unsaves
		c.put().uri("/api/v1/practice/saved/{id}", pieceId).exchange().expectStatus().isNoContent();
		c.put().uri("/api/v1/practice/saved/{id}", pieceId).exchange().expectStatus().isNoContent();
		assertThat(saved(c)).extracting(m -> m.get("id")).containsExactly(pieceId);
		assertThat(c.get().uri("/api/v1/practice/pieces/{id}", pieceId).exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody()).containsEntry("saved", true);

		// withdrawn: gone from search, the piece, its file and Saved; shared again: back
		teacher.delete().uri("/api/v1/practice/shares/{id}", p.planId()).exchange().expectStatus().isNoContent();
		teacher.delete().uri("/api/v1/practice/shares/{id}", p.planId()).exchange().expectStatus().isNoContent();
		assertThat(search(c, "cluster=C6")).isEmpty();
		assertThat(search(c, "")).isEmpty();
		c.get().uri("/api/v1/practice/pieces/{id}", pieceId).exchange().expectStatus().isNotFound();
		c.get().uri("/api/v1/practice/pieces/{id}/content", pieceId).exchange().expectStatus().isNotFound();
		assertThat(saved(c)).isEmpty();
		String again = (String) shared(teacher, p.planId(), shareBody("Fraction stations lesson plan", "DISTRICT",
				true, true)).get("id");
		List<Map<String, Object>> anonymous = search(c, "q=fraction");
		assertThat(anonymous).extracting(m -> m.get("id")).containsExactly(again);
		assertThat(anonymous.get(0).get("author")).isNull();
		assertThat(anonymous.toString()).doesNotContain(p.teacher().displayName()).doesNotContain(p.teacher().id());
	}

	@Test
	void otherDistrictsAndVisitorsSeeOnlyWhatTheDistrictAndTheTeacherOpened() {
		Passed p = passedTier();
		WebTestClient teacher = data.as(p.teacher());
		String open = (String) shared(teacher, p.planId(), shareBody("Fraction stations lesson plan", "PUBLIC", false,
				true)).get("id");
		String cairnOnly = (String) shared(teacher, p.reflectionId(), shareBody("What I would change", "CAIRN", false,
				true)).get("id");
		String districtOnly = (String) shared(teacher, p.notesId(), shareBody("Station notes", "DISTRICT", false,
				true)).get("id");
		District other = data.district();
		WebTestClient outsider = data.as(teacher(other));

		// closed by default: another district and the public page see nothing, by search or by id
		assertThat(search(outsider, "")).isEmpty();
		assertThat(publicSearch("")).isEmpty();
		for (String id : List.of(open, cairnOnly, districtOnly)) {
			outsider.get().uri("/api/v1/practice/pieces/{id}", id).exchange().expectStatus().isNotFound();
			outsider.get().uri("/api/v1/practice/pieces/{id}/content", id).exchange().expectStatus().isNotFound();
			outsider.put().uri("/api/v1/practice/saved/{id}", id).exchange().expectStatus().isNotFound();
			http.get().uri("/api/v1/public/practice/pieces/{id}", id).exchange().expectStatus().isNotFound();
		}

		// only an administrator opens the library
		teacher.put().uri("/api/v1/practice/settings").bodyValue(Map.of("openTo", "PUBLIC")).exchange()
			.expectStatus().isForbidden();
		data.as(p.admin()).put().uri("/api/v1/practice/settings").bodyValue(Map.of("openTo", "CAIRN")).exchange()
			.expectStatus().isOk();
		assertThat(search(outsider, "")).extracting(m -> m.get("id")).containsExactlyInAnyOrder(open, cairnOnly);
		assertThat(publicSearch("")).isEmpty();
		outsider.get().uri("/api/v1/practice/pieces/{id}", districtOnly).exchange().expectStatus().isNotFound();

		// opened to the public: the public page shows the publicly shared piece, and serves its file without sign-in
		data.as(p.admin()).put().uri("/api/v1/practice/settings").bodyValue(Map.of("openTo", "PUBLIC")).exchange()
			.expectStatus().isOk();
		assertThat(publicSearch("cluster=6")).extracting(m -> m.get("id")).containsExactly(open);
		http.get().uri("/api/v1/public/practice/pieces/{id}/content", open).exchange().expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_PDF);
		http.get().uri("/api/v1/public/practice/pieces/{id}", cairnOnly).exchange().expectStatus().isNotFound();
		http.get().uri("/api/v1/public/practice/pieces/{id}/content", districtOnly).exchange().expectStatus()
			.isNotFound();

		// a text file is served as text, never as a page
		http.get().uri("/api/v1/practice/pieces/{id}/content", districtOnly).exchange().expectStatus()
			.isUnauthorized();
		data.as(p.admin()).get().uri("/api/v1/practice/pieces/{id}/content", districtOnly).exchange()
			.expectStatus().isOk()
			.expectHeader().value(HttpHeaders.CONTENT_TYPE, v -> assertThat(v).startsWith("text/plain"))
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().value("Content-Security-Policy", v -> assertThat(v).contains("sandbox"));

		// guessed ids: evidence ids, random ids; nobody shares somebody else's evidence
		for (String guess : List.of(p.planId(), p.reflectionId(), OpaqueIds.next(), open.toUpperCase())) {
			outsider.get().uri("/api/v1/practice/pieces/{id}", guess).exchange().expectStatus().isNotFound();
			http.get().uri("/api/v1/public/practice/pieces/{id}", guess).exchange().expectStatus().isNotFound();
		}
		outsider.put().uri("/api/v1/practice/shares/{id}", p.planId())
			.bodyValue(shareBody("Mine now", "PUBLIC", false, true)).exchange().expectStatus().isNotFound();
		data.as(teacher(p.district())).put().uri("/api/v1/practice/shares/{id}", p.planId())
			.bodyValue(shareBody("Mine now", "PUBLIC", false, true)).exchange().expectStatus().isNotFound();
		data.as(teacher(p.district())).delete().uri("/api/v1/practice/shares/{id}", p.planId()).exchange()
			.expectStatus().isNoContent();
		assertThat(publicSearch("")).extracting(m -> m.get("id")).containsExactly(open);
		http.get().uri("/api/v1/practice/pieces").exchange().expectStatus().isUnauthorized();

		// closing the library again takes the pieces off the public page and out of other districts at once
		data.as(p.admin()).put().uri("/api/v1/practice/settings").bodyValue(Map.of("openTo", "DISTRICT")).exchange()
			.expectStatus().isOk();
		assertThat(publicSearch("")).isEmpty();
		assertThat(search(outsider, "")).isEmpty();
		assertThat(search(data.as(teacher(p.district())), "")).hasSize(3);
	}

	@Test
	void evidenceThatDidNotPassOrWasNotPublishedCannotBeShared() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template template = save(sharingTemplate(district));
		String enrollmentId = approvedEnrollment(teacher, admin, template);
		Map<String, Object> plan = uploaded(data.as(teacher), enrollmentId, "tier-1", "lesson-plan", "plan.pdf",
				RealFiles.pdf("A plan"));
		assertThat(data.as(teacher).get().uri("/api/v1/practice/shareable").exchange().expectStatus().isOk()
			.expectBody(JSON_LIST).returnResult().getResponseBody()).isEmpty();
		share(data.as(teacher), (String) plan.get("id"), shareBody("Too early", "DISTRICT", false, true))
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:not-yet-shareable");
		// published with the badge: shareable before the tier passed
		data.as(teacher).put().uri("/api/v1/evidence/{id}/visibility", plan.get("id"))
			.bodyValue(Map.of("isPublic", true)).exchange().expectStatus().isOk();
		shared(data.as(teacher), (String) plan.get("id"), shareBody("Published plan", "DISTRICT", false, true));
	}

	@Test
	void revokingTheBadgeWithdrawsItsPieces() throws InterruptedException {
		Passed p = passedTier();
		String pieceId = (String) shared(data.as(p.teacher()), p.planId(),
				shareBody("Fraction stations lesson plan", "DISTRICT", false, true)).get("id");
		WebTestClient colleague = data.as(teacher(p.district()));
		assertThat(search(colleague, "cluster=C6")).hasSize(1);
		Award award = fixtures.grant(awards.findByDistrictIdAndPersonId(p.district().id(), p.teacher().id())
			.single().block());
		data.as(p.admin()).post().uri("/api/v1/assertions/{id}/revoke", award.assertionId())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Awarded in error")).exchange()
			.expectStatus().isOk();
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (!search(colleague, "cluster=C6").isEmpty() && Instant.now().isBefore(until)) {
			Thread.sleep(50);
		}
		assertThat(search(colleague, "cluster=C6")).isEmpty();
		assertThat(search(colleague, "")).isEmpty();
		colleague.get().uri("/api/v1/practice/pieces/{id}", pieceId).exchange().expectStatus().isNotFound();
	}

	@Test
	void searchParametersAreCheckedInWords() {
		WebTestClient c = data.as(teacher(data.district()));
		c.get().uri("/api/v1/practice/pieces?size=0").exchange().expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		c.get().uri("/api/v1/practice/pieces?page=-1").exchange().expectStatus().isEqualTo(422);
		c.put().uri("/api/v1/practice/shares/{id}", OpaqueIds.next())
			.bodyValue(shareBody("Nothing", "DISTRICT", false, true)).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Map<String, Object> facets = c.get().uri("/api/v1/practice/facets").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat((List<?>) facets.get("clusters")).hasSize(6);
		assertThat(facets.get("gradeBands").toString()).contains("3-5");
	}

	// --- the path to a passed sharing tier --------------------------------------------------------------------------

	private Passed passedTier() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Person teacher = teacher(district);
		Template template = save(sharingTemplate(district));
		String enrollmentId = approvedEnrollment(teacher, admin, template);
		WebTestClient t = data.as(teacher);
		String plan = (String) uploaded(t, enrollmentId, "tier-1", "lesson-plan", "fraction-stations.pdf",
				RealFiles.pdf("Fraction stations: a lesson plan")).get("id");
		String notes = (String) uploaded(t, enrollmentId, "tier-1", "lesson-plan", "notes.txt",
				"<html><script>alert(document.cookie)</script>Station notes</html>".getBytes(StandardCharsets.UTF_8))
			.get("id");
		reflect(t, enrollmentId, "tier-1", "reflection", RealFiles.words(120)).expectStatus().isOk();
		String submissionId = (String) submitted(t, enrollmentId, "tier-1").get("id");
		decide(data.as(assessor), submissionId, decision(template.tiers().get(0), 1, "PASS", 1)).expectStatus().isOk();
		List<Map<String, Object>> evidence = t.get().uri("/api/v1/enrollments/{id}/evidence", enrollmentId).exchange()
			.expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
		String reflection = evidence.stream().filter(e -> "TEXT".equals(e.get("type"))).map(e -> (String) e.get("id"))
			.findFirst().orElseThrow();
		return new Passed(district, admin, teacher, template, enrollmentId, plan, reflection, notes);
	}

	private static Template sharingTemplate(District district) {
		RubricCriterion usable = new RubricCriterion("usable", "A colleague could implement it",
				List.of("Not yet on track", "On track"));
		Requirement plan = new Requirement("lesson-plan", RequirementKind.ARTIFACTS, "Lesson plan or overview",
				"A plan detailed enough for a colleague", null, null, null, null,
				Set.of(ArtifactKind.PDF, ArtifactKind.TEXT, ArtifactKind.IMAGE), 1, 10, List.of(usable), null);
		Requirement reflection = new Requirement("reflection", RequirementKind.REFLECTION, "Lessons learned",
				"What you would revise", 100, 300, null, null, Set.of(), null, null, List.of(usable), null);
		Tier tier = new Tier("tier-1", "Evidence of sharing", "A plan and a reflection", List.of(), true, 7500,
				"Title II-A", 8, List.of(plan, reflection));
		List<Alignment> alignments = List.of(
				new Alignment("Data", "https://learningforward.org/", "Data", "Learning Forward (2011)", "LF2011.DATA"),
				new Alignment("Growing and Developing Professionally", "https://danielsongroup.org/", "4e",
						"Danielson Framework for Teaching", "FFT.4e"));
		return new Template(null, district.id(), UUID.randomUUID().toString(), 1, TemplateStatus.PUBLISHED,
				"Personalized Learning", "Four tiers", "Criteria", null,
				new Tags(List.of("Mathematics"), List.of("3-5"), List.of()), alignments, null, RubricScale.twoLevel(),
				true, List.of(tier), null, Instant.now(), Instant.now(), null);
	}

	private static Map<String, Object> shareBody(String title, String audience, boolean anonymous, boolean confirmed) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("summary", "Three stations for comparing fractions, with the materials list.");
		body.put("gradeBand", "3-5");
		body.put("subject", "Mathematics");
		body.put("anonymous", anonymous);
		body.put("audience", audience);
		body.put("noStudentFacesOrNames", confirmed);
		return body;
	}

	private static WebTestClient.ResponseSpec share(WebTestClient teacher, String evidenceId, Map<String, Object> body) {
		return teacher.put().uri("/api/v1/practice/shares/{id}", evidenceId).bodyValue(body).exchange();
	}

	private static Map<String, Object> shared(WebTestClient teacher, String evidenceId, Map<String, Object> body) {
		return share(teacher, evidenceId, body).expectStatus().isOk().expectBody(JSON).returnResult()
			.getResponseBody();
	}

	private static List<Map<String, Object>> search(WebTestClient reader, String query) {
		return reader.get().uri("/api/v1/practice/pieces?" + query).exchange().expectStatus().isOk()
			.expectBody(JSON_LIST).returnResult().getResponseBody();
	}

	private static List<Map<String, Object>> saved(WebTestClient reader) {
		return reader.get().uri("/api/v1/practice/saved").exchange().expectStatus().isOk().expectBody(JSON_LIST)
			.returnResult().getResponseBody();
	}

	private List<Map<String, Object>> publicSearch(String query) {
		return http.get().uri("/api/v1/public/practice/pieces?" + query).exchange().expectStatus().isOk()
			.expectBody(JSON_LIST).returnResult().getResponseBody();
	}

}
