package org.cairn.earning;

import java.util.List;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-to-end walk: Parkway from proposal to four paid, awarded tiers. */
class ParkwayWalkIntegrationTests extends EarningTest {

	@Autowired
	AwardRepository awards;

	@Test
	void teacherEarnsAllFourParkwayTiersWithRunningStipendsAndBudgetMovesToPaid() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		var asTeacher = data.as(teacher);
		var asAdmin = data.as(admin);
		var asAssessor = data.as(assessor);

		// proposal: returned with a comment, revised, approved within budget
		String enrollmentId = (String) enroll(asTeacher, parkway.id()).get("id");
		asTeacher.post()
			.uri("/api/v1/enrollments/{id}/proposal", enrollmentId)
			.bodyValue(Map.of("topic", "Stations", "sources", List.of("only one"), "plan", "A plan long enough to pass."))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sources");
		assertThat(propose(asTeacher, enrollmentId)).containsEntry("state", "PROPOSED");
		decideProposal(asAdmin, enrollmentId, "RETURN", "Name the published text you will read.").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("RETURNED");
		assertThat(propose(asTeacher, enrollmentId)).containsEntry("state", "PROPOSED");
		decideProposal(asAdmin, enrollmentId, "APPROVE", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("ACTIVE")
			.jsonPath("$.committedCents")
			.isEqualTo(30000);
		budgetIs(asAdmin, 30000, 0, 1_000_000 - 30000);

		// tier 1: a 150-second MP4 instead of the written reflection; the assessor plays it with range requests
		byte[] mp4 = RealFiles.mp4();
		Map<String, Object> video = uploaded(asTeacher, enrollmentId, "tier-1", "reflection", "tier1.mp4", mp4);
		assertThat(video).containsEntry("artifactKind", "VIDEO")
			.containsEntry("sha256", RealFiles.sha256(mp4))
			.containsEntry("isPublic", false);
		Map<String, Object> s1 = submitted(asTeacher, enrollmentId, "tier-1");
		assertThat(s1).containsEntry("state", "SUBMITTED").containsEntry("assessorId", assessor.id());
		asAssessor.get()
			.uri("/api/v1/reviews")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].submissionId")
			.isEqualTo(s1.get("id"));
		byte[] part = asAssessor.get()
			.uri("/api/v1/evidence/{id}/content", video.get("id"))
			.header("Range", "bytes=4-11")
			.exchange()
			.expectStatus()
			.isEqualTo(206)
			.expectHeader()
			.valueEquals("Content-Range", "bytes 4-11/" + mp4.length)
			.expectHeader()
			.contentType("video/mp4")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(new String(part, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftypisom");
		asAdmin.get()
			.uri("/api/v1/audit?evidenceId={id}", video.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].actorId")
			.isEqualTo(assessor.id())
			.jsonPath("$[0].range")
			.isEqualTo("bytes=4-11");
		decide(asAssessor, (String) s1.get("id"), decision(parkway.tiers().get(0), 1, "PASS", 1)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PASSED");
		assertThat(earnedRunningTotals(asTeacher)).containsExactly(7500L);

		// tier 2: a real PNG and a reflection; returned, revised, resubmitted, passed
		uploaded(asTeacher, enrollmentId, "tier-2", "artifacts", "anchor-chart.png", RealFiles.png());
		reflect(asTeacher, enrollmentId, "tier-2", "reflection", RealFiles.words(300)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.wordCount")
			.isEqualTo(300)
			.jsonPath("$.withinRange")
			.isEqualTo(true);
		Map<String, Object> s2 = submitted(asTeacher, enrollmentId, "tier-2");
		reflect(asTeacher, enrollmentId, "tier-2", "reflection", RealFiles.words(310)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:evidence-locked");
		decide(asAssessor, (String) s2.get("id"), decision(parkway.tiers().get(1), 1, "RETURN", 0)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("RETURNED");
		reflect(asTeacher, enrollmentId, "tier-2", "reflection", RealFiles.words(320)).expectStatus().isOk();
		Map<String, Object> s2b = submitted(asTeacher, enrollmentId, "tier-2");
		assertThat(s2b).containsEntry("attempt", 2).containsEntry("state", "SUBMITTED");
		decide(asAssessor, (String) s2.get("id"), decision(parkway.tiers().get(1), 2, "PASS", 1)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attempts.length()")
			.isEqualTo(2)
			.jsonPath("$.attempts[0].outcome")
			.isEqualTo("RETURN")
			.jsonPath("$.attempts[0].scores[0].feedback")
			.exists()
			.jsonPath("$.attempts[1].outcome")
			.isEqualTo("PASS");

		// tier 3: a CSV data set and a reflection
		uploaded(asTeacher, enrollmentId, "tier-3", "data", "exit-tickets.csv", RealFiles.csv());
		reflect(asTeacher, enrollmentId, "tier-3", "reflection", RealFiles.words(260)).expectStatus().isOk();
		Map<String, Object> s3 = submitted(asTeacher, enrollmentId, "tier-3");
		decide(asAssessor, (String) s3.get("id"), decision(parkway.tiers().get(2), 1, "PASS", 1)).expectStatus().isOk();

		// tier 4: a real PDF lesson plan (made public with the badge), links and a reflection
		Map<String, Object> plan = uploaded(asTeacher, enrollmentId, "tier-4", "plan", "lesson-plan.pdf",
				RealFiles.pdf("Station rotation lesson plan"));
		assertThat(plan).containsEntry("artifactKind", "PDF");
		asTeacher.put()
			.uri("/api/v1/evidence/{id}/visibility", plan.get("id"))
			.bodyValue(Map.of("isPublic", true))
			.exchange()
			.expectStatus()
			.isOk();
		asTeacher.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-4/requirements/links/links", enrollmentId)
			.bodyValue(Map.of("urls", List.of("https://example.org/stations", "https://example.org/exit-ticket")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2);
		reflect(asTeacher, enrollmentId, "tier-4", "reflection", RealFiles.words(280)).expectStatus().isOk();
		Map<String, Object> s4 = submitted(asTeacher, enrollmentId, "tier-4");
		decide(asAssessor, (String) s4.get("id"), decision(parkway.tiers().get(3), 1, "PASS", 1)).expectStatus().isOk();

		// outcomes: one award per tier, $75/$150/$225/$300, the budget moved from committed to paid
		List<Award> earned = awards.findByDistrictIdAndPersonId(district.id(), teacher.id()).collectList().block();
		assertThat(earned).extracting(Award::tierKey)
			.containsExactlyInAnyOrder("tier-1", "tier-2", "tier-3", "tier-4");
		assertThat(earned).allSatisfy(a -> assertThat(a.awardKey()).isEqualTo(enrollmentId + ":" + a.tierKey()));
		assertThat(earned).filteredOn(a -> a.tierKey().equals("tier-4"))
			.singleElement()
			.satisfies(a -> assertThat(a.publicEvidenceIds()).containsExactly((String) plan.get("id")));
		assertThat(earnedRunningTotals(asTeacher)).containsExactly(7500L, 15000L, 22500L, 30000L);
		budgetIs(asAdmin, 0, 30000, 1_000_000 - 30000);
		asTeacher.get()
			.uri("/api/v1/enrollments/{id}", enrollmentId)
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("COMPLETED");
		String csv = asAdmin.get()
			.uri("/api/v1/stipends.csv?from=2000-01-01&to=2100-12-31")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv.lines().filter(l -> l.contains(teacher.email()) && l.contains(",75.00,"))).hasSize(4);
		assertThat(csv).contains("Title II-A").contains("District");

		// notifications along the way
		asTeacher.get()
			.uri("/api/v1/notifications")
			.exchange()
			.expectBody(JSON_LIST)
			.value(notices -> assertThat(notices).extracting(n -> n.get("kind"))
				.contains("PROPOSAL_DECIDED", "TIER_PASSED", "TIER_RETURNED"));
		asAssessor.get()
			.uri("/api/v1/notifications")
			.exchange()
			.expectBody(JSON_LIST)
			.value(notices -> assertThat(notices).extracting(n -> n.get("kind")).contains("SUBMISSION_ARRIVED"));
	}

	private List<Long> earnedRunningTotals(org.springframework.test.web.reactive.server.WebTestClient teacher) {
		List<Map<String, Object>> stipends = teacher.get()
			.uri("/api/v1/stipends")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_LIST)
			.returnResult()
			.getResponseBody();
		long total = 0;
		List<Long> totals = new java.util.ArrayList<>();
		for (Map<String, Object> s : stipends) {
			total += ((Number) s.get("cents")).longValue();
			totals.add(total);
		}
		return totals;
	}

	private void budgetIs(org.springframework.test.web.reactive.server.WebTestClient admin, long committed, long paid,
			long remaining) {
		admin.get()
			.uri("/api/v1/budget")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.committedCents")
			.isEqualTo(committed)
			.jsonPath("$.paidCents")
			.isEqualTo(paid)
			.jsonPath("$.remainingCents")
			.isEqualTo(remaining);
	}

}
