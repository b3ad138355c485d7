package org.cairn.earning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Requirement;
import org.cairn.template.RubricCriterion;
import org.cairn.template.Template;
import org.cairn.template.Tier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Steps of earning, through the real API, shared by the earning integration tests. */
public abstract class EarningTest extends IntegrationTest {

	protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	protected static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	protected ReactiveMongoTemplate mongo;

	@Autowired
	protected DistrictRepository districts;

	/** A published template saved directly, as the template feature would. */
	protected Template save(Template template) {
		return mongo.save(template).block();
	}

	protected District withSettings(District d, long budgetCents, boolean autoApprove, boolean allowCoach,
			long maxUploadBytes) {
		return districts.save(new District(d.id(), d.slug(), d.name(), d.url(), d.email(), d.description(), d.logo(),
				d.brandColor(), d.timeZone(), d.fiscalYearStartMonth(), budgetCents, autoApprove, allowCoach,
				maxUploadBytes, d.createdAt(), d.version())).block();
	}

	protected Map<String, Object> enroll(WebTestClient teacher, String templateId) {
		return teacher.post()
			.uri("/api/v1/enrollments")
			.bodyValue(Map.of("templateId", templateId))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	protected static Map<String, Object> proposal() {
		return Map.of("topic", "Station rotation in Grade 5 math", "sources",
				List.of("ISTE webinar on blended learning (one-time event)",
						"Tucker, Blended Learning in Grades 3-6 (book)"),
				"plan", "Run three-station rotations twice a week for six weeks and track exit tickets.");
	}

	protected Map<String, Object> propose(WebTestClient teacher, String enrollmentId) {
		return teacher.post()
			.uri("/api/v1/enrollments/{id}/proposal", enrollmentId)
			.bodyValue(proposal())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	protected WebTestClient.ResponseSpec decideProposal(WebTestClient admin, String enrollmentId, String decision,
			String comment) {
		var body = new java.util.HashMap<String, Object>();
		body.put("decision", decision);
		body.put("comment", comment);
		return admin.post().uri("/api/v1/enrollments/{id}/decision", enrollmentId).bodyValue(body).exchange();
	}

	/** A teacher enrolled, proposed and approved: returns the enrolment id. */
	protected String approvedEnrollment(Person teacher, Person admin, Template template) {
		String id = (String) enroll(data.as(teacher), template.id()).get("id");
		propose(data.as(teacher), id);
		decideProposal(data.as(admin), id, "APPROVE", null).expectStatus().isOk();
		return id;
	}

	protected WebTestClient.ResponseSpec upload(WebTestClient teacher, String enrollmentId, String tier,
			String requirement, String filename, byte[] bytes) {
		return teacher.put()
			.uri("/api/v1/enrollments/{e}/tiers/{t}/requirements/{r}/files/{f}", enrollmentId, tier, requirement,
					filename)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(bytes)
			.exchange();
	}

	protected Map<String, Object> uploaded(WebTestClient teacher, String enrollmentId, String tier,
			String requirement, String filename, byte[] bytes) {
		return upload(teacher, enrollmentId, tier, requirement, filename, bytes).expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	protected WebTestClient.ResponseSpec reflect(WebTestClient teacher, String enrollmentId, String tier,
			String requirement, String text) {
		return teacher.put()
			.uri("/api/v1/enrollments/{e}/tiers/{t}/requirements/{r}/reflection", enrollmentId, tier, requirement)
			.bodyValue(Map.of("text", text))
			.exchange();
	}

	protected WebTestClient.ResponseSpec submitTier(WebTestClient teacher, String enrollmentId, String tier) {
		return teacher.post().uri("/api/v1/enrollments/{e}/tiers/{t}/submission", enrollmentId, tier).exchange();
	}

	protected Map<String, Object> submitted(WebTestClient teacher, String enrollmentId, String tier) {
		return submitTier(teacher, enrollmentId, tier).expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	/** A decision scoring every criterion of the tier at {@code level}, with feedback. */
	protected static Map<String, Object> decision(Tier tier, int attempt, String outcome, int level) {
		List<Map<String, Object>> scores = new ArrayList<>();
		for (Requirement r : tier.requirements()) {
			for (RubricCriterion c : r.criteria()) {
				scores.add(Map.of("requirementKey", r.key(), "criterionKey", c.key(), "level", level, "feedback",
						"Feedback on " + c.name()));
			}
		}
		return Map.of("attempt", attempt, "outcome", outcome, "scores", scores);
	}

	protected WebTestClient.ResponseSpec decide(WebTestClient assessor, String submissionId, Map<String, Object> body) {
		return assessor.post().uri("/api/v1/submissions/{id}/decision", submissionId).bodyValue(body).exchange();
	}

	protected Person teacher(District district) {
		return data.person(district, Role.TEACHER);
	}

}
