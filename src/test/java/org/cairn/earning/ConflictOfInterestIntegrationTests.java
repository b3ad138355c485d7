package org.cairn.earning;

import java.util.List;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Nobody decides, scores, routes or awards their own work, even when they hold every role that would otherwise
 * allow it; each refusal is a 403 problem in plain words, and a colleague can still do it.
 */
class ConflictOfInterestIntegrationTests extends EarningTest {

	@Test
	void anAdministratorWhoTeachesCannotApproveTheirOwnProposalNorCommitBudgetToThemselves() {
		District district = data.district();
		Person adminTeacher = data.person(district, Role.DISTRICT_ADMIN, Role.TEACHER);
		Person otherAdmin = data.person(district, Role.DISTRICT_ADMIN);
		Template parkway = save(Parkway.template(district));
		String id = (String) enroll(data.as(adminTeacher), parkway.id()).get("id");
		propose(data.as(adminTeacher), id);

		for (String decision : List.of("APPROVE", "RETURN", "DECLINE")) {
			ownWorkRefused(decideProposal(data.as(adminTeacher), id, decision, "Looks good to me"), "own proposal");
		}
		budgetCommitted(data.as(otherAdmin), 0);
		data.as(adminTeacher)
			.get()
			.uri("/api/v1/enrollments/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PROPOSED");

		decideProposal(data.as(otherAdmin), id, "APPROVE", null).expectStatus().isOk();
		budgetCommitted(data.as(otherAdmin), 30000);
	}

	@Test
	void anAdministratorWhoAssessesCannotScoreTheirOwnEvidence() {
		District district = data.district();
		Person adminTeacher = data.person(district, Role.DISTRICT_ADMIN, Role.ASSESSOR, Role.TEACHER);
		Person otherAdmin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Template parkway = save(Parkway.template(district));
		String submissionId = submittedTierOne(adminTeacher, otherAdmin, parkway);
		var pass = decision(parkway.tiers().get(0), 1, "PASS", 1);

		ownWorkRefused(decide(data.as(adminTeacher), submissionId, pass), "own submission");
		data.as(otherAdmin)
			.get()
			.uri("/api/v1/submissions/{id}", submissionId)
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("SUBMITTED");
		data.as(adminTeacher)
			.get()
			.uri("/api/v1/me/badges")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);

		decide(data.as(assessor), submissionId, pass).expectStatus().isOk();
	}

	@Test
	void anAdministratorCannotRouteTheReviewOfTheirOwnWorkToThemselvesOrToAnyoneElse() {
		District district = data.district();
		Person adminTeacher = data.person(district, Role.DISTRICT_ADMIN, Role.ASSESSOR, Role.TEACHER);
		Person otherAdmin = data.person(district, Role.DISTRICT_ADMIN);
		Person friend = data.person(district, Role.ASSESSOR);
		Template parkway = save(Parkway.template(district));
		String submissionId = submittedTierOne(adminTeacher, otherAdmin, parkway);

		ownWorkRefused(reassign(data.as(adminTeacher), submissionId, adminTeacher.id()), "own submission");
		ownWorkRefused(reassign(data.as(adminTeacher), submissionId, friend.id()), "own submission");

		reassign(data.as(otherAdmin), submissionId, friend.id()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.assessorId")
			.isEqualTo(friend.id());
	}

	@Test
	void anAdministratorCannotBulkAwardABadgeToThemselves() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN, Role.TEACHER);
		Person otherAdmin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		String badgeClassId = (String) data.as(admin)
			.get()
			.uri("/api/v1/templates/{id}/badge-classes", parkway.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_LIST)
			.returnResult()
			.getResponseBody()
			.get(0)
			.get("id");
		String csv = "email,name\n" + teacher.email() + ",\n" + admin.email().toUpperCase() + ",Me\n";

		ownWorkRefused(bulk(data.as(admin), badgeClassId, csv), "yourself");
		ownWorkRefused(data.as(admin)
			.post()
			.uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("recipients", List.of(Map.of("email", " " + admin.email() + " "))))
			.exchange(), "yourself");
		// nothing was queued for anyone
		data.as(admin)
			.get()
			.uri("/api/v1/assertions")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);

		bulk(data.as(otherAdmin), badgeClassId, csv).expectStatus().isAccepted();
	}

	private String submittedTierOne(Person teacher, Person admin, Template parkway) {
		String enrollmentId = approvedEnrollment(teacher, admin, parkway);
		reflect(data.as(teacher), enrollmentId, "tier-1", "reflection", RealFiles.words(550)).expectStatus().isOk();
		return (String) submitted(data.as(teacher), enrollmentId, "tier-1").get("id");
	}

	private static WebTestClient.ResponseSpec reassign(WebTestClient admin, String submissionId, String assessorId) {
		return admin.put()
			.uri("/api/v1/submissions/{id}/assessor", submissionId)
			.bodyValue(Map.of("assessorId", assessorId))
			.exchange();
	}

	private static WebTestClient.ResponseSpec bulk(WebTestClient admin, String badgeClassId, String csv) {
		return admin.post()
			.uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv)
			.exchange();
	}

	private static void ownWorkRefused(WebTestClient.ResponseSpec response, String words) {
		response.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:forbidden")
			.jsonPath("$.detail")
			.value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail).contains(words)
				.doesNotContain("Exception"));
	}

	private static void budgetCommitted(WebTestClient admin, long cents) {
		admin.get()
			.uri("/api/v1/budget")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.committedCents")
			.isEqualTo(cents);
	}

}
