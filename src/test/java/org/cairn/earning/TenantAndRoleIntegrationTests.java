package org.cairn.earning;

import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** District B never sees district A's ids, and each action needs its role. */
class TenantAndRoleIntegrationTests extends EarningTest {

	@Test
	void districtBUsersGetNotFoundOnEveryDistrictAId() {
		District a = data.district();
		Person adminA = data.person(a, Role.DISTRICT_ADMIN);
		Person assessorA = data.person(a, Role.ASSESSOR);
		Person teacherA = teacher(a);
		Template parkway = save(Parkway.unlocked(a));
		String enrollmentId = approvedEnrollment(teacherA, adminA, parkway);
		Map<String, Object> photo = uploaded(data.as(teacherA), enrollmentId, "tier-2", "artifacts", "p.png",
				RealFiles.png());
		reflect(data.as(teacherA), enrollmentId, "tier-1", "reflection", RealFiles.words(550)).expectStatus().isOk();
		String submissionId = (String) submitted(data.as(teacherA), enrollmentId, "tier-1").get("id");

		District b = data.district();
		Person everything = data.person(b, Role.DISTRICT_ADMIN, Role.ASSESSOR, Role.TEACHER, Role.COACH);
		WebTestClient asB = data.as(everything);
		String evidenceId = (String) photo.get("id");
		notFound(asB, HttpMethod.POST, "/api/v1/enrollments", Map.of("templateId", parkway.id()));
		notFound(asB, HttpMethod.GET, "/api/v1/enrollments/" + enrollmentId, null);
		notFound(asB, HttpMethod.POST, "/api/v1/enrollments/" + enrollmentId + "/proposal", proposal());
		notFound(asB, HttpMethod.POST, "/api/v1/enrollments/" + enrollmentId + "/decision",
				Map.of("decision", "APPROVE"));
		notFound(asB, HttpMethod.GET, "/api/v1/enrollments/" + enrollmentId + "/evidence", null);
		notFound(asB, HttpMethod.GET, "/api/v1/enrollments/" + enrollmentId + "/submissions", null);
		notFound(asB, HttpMethod.PUT,
				"/api/v1/enrollments/" + enrollmentId + "/tiers/tier-1/requirements/reflection/reflection",
				Map.of("text", "x"));
		notFound(asB, HttpMethod.PUT, "/api/v1/enrollments/" + enrollmentId + "/tiers/tier-4/requirements/links/links",
				Map.of("urls", java.util.List.of("https://x.example")));
		notFound(asB, HttpMethod.POST, "/api/v1/enrollments/" + enrollmentId + "/tiers/tier-1/submission", null);
		notFound(asB, HttpMethod.GET, "/api/v1/evidence/" + evidenceId, null);
		notFound(asB, HttpMethod.GET, "/api/v1/evidence/" + evidenceId + "/content", null);
		notFound(asB, HttpMethod.DELETE, "/api/v1/evidence/" + evidenceId, null);
		notFound(asB, HttpMethod.PUT, "/api/v1/evidence/" + evidenceId + "/visibility", Map.of("isPublic", true));
		notFound(asB, HttpMethod.GET, "/api/v1/submissions/" + submissionId, null);
		notFound(asB, HttpMethod.POST, "/api/v1/submissions/" + submissionId + "/decision",
				decision(parkway.tiers().get(0), 1, "PASS", 1));
		notFound(asB, HttpMethod.PUT, "/api/v1/submissions/" + submissionId + "/assessor",
				Map.of("assessorId", everything.id()));
		asB.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-2/requirements/artifacts/files/x.png", enrollmentId)
			.bodyValue(RealFiles.png())
			.exchange()
			.expectStatus()
			.isNotFound();
		// and district A's lists stay out of B's
		asB.get().uri("/api/v1/reviews/queue").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
		asB.get().uri("/api/v1/audit").exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
		asB.get()
			.uri("/api/v1/enrollments?scope=district")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
		data.as(assessorA).get().uri("/api/v1/submissions/{id}", submissionId).exchange().expectStatus().isOk();
	}

	@Test
	void eachActionNeedsItsRole() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		String enrollmentId = (String) enroll(data.as(teacher), parkway.id()).get("id");
		propose(data.as(teacher), enrollmentId);
		var asTeacher = data.as(teacher);
		forbidden(asTeacher, HttpMethod.POST, "/api/v1/enrollments/" + enrollmentId + "/decision",
				Map.of("decision", "APPROVE"));
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/budget", null);
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/stipends.csv?from=2026-01-01&to=2026-12-31", null);
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/audit", null);
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/reviews", null);
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/reviews/queue", null);
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/enrollments?scope=district", null);
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/reports/templates/" + parkway.id(), null);
		forbidden(asTeacher, HttpMethod.GET, "/api/v1/reports/participation", null);
		forbidden(data.as(assessor), HttpMethod.POST, "/api/v1/enrollments", Map.of("templateId", parkway.id()));
		forbidden(data.as(assessor), HttpMethod.POST, "/api/v1/enrollments/" + enrollmentId + "/decision",
				Map.of("decision", "APPROVE"));
		data.as(admin).get().uri("/api/v1/budget").exchange().expectStatus().isOk();
		http.get().uri("/api/v1/enrollments").exchange().expectStatus().isUnauthorized();
		// returning needs a comment the teacher can act on
		decideProposal(data.as(admin), enrollmentId, "RETURN", " ").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("comment");
		decideProposal(data.as(admin), enrollmentId, "DECLINE", "Not aligned with this year's goals.")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("DECLINED");
		decideProposal(data.as(admin), enrollmentId, "APPROVE", null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:invalid-state");
	}

	private static void notFound(WebTestClient client, HttpMethod method, String uri, Object body) {
		exchange(client, method, uri, body).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json");
	}

	private static void forbidden(WebTestClient client, HttpMethod method, String uri, Object body) {
		exchange(client, method, uri, body).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType("application/problem+json");
	}

	private static WebTestClient.ResponseSpec exchange(WebTestClient client, HttpMethod method, String uri,
			Object body) {
		var request = client.method(method).uri(uri);
		return body == null ? request.exchange() : request.bodyValue(body).exchange();
	}

}
