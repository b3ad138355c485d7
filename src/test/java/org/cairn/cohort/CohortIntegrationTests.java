package org.cairn.cohort;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.earning.EarningTest;
import org.cairn.earning.Parkway;
import org.cairn.earning.RealFiles;
import org.cairn.enrollment.PinnedTemplates;
import org.cairn.notification.Notifier;
import org.cairn.people.MailLinks;
import org.cairn.review.Reviews;
import org.cairn.system.CairnProperties;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cohort run through the real service: an administrator opens it with due dates and an evaluator, enrols a list
 * (inviting the unknown address, refusing the teacher whose coach evaluates), members see what is due next, are
 * reminded once per reminder day even with two instances sweeping, a cohort without late work refuses a tier past
 * its due date in plain words, and the evaluator sees the month's submissions together and decides them.
 */
class CohortIntegrationTests extends EarningTest {

	@Autowired
	Cohorts cohorts;

	@Autowired
	PinnedTemplates templates;

	@Autowired
	Reviews reviews;

	@Autowired
	Notifier notifier;

	@Autowired
	Clock clock;

	@Autowired
	CairnProperties cairn;

	private CohortReminders instanceAt(java.time.Instant at) {
		return new CohortReminders(cohorts, templates, reviews, notifier, mongo, Clock.fixed(at, clock.getZone()),
				new CohortProperties(Duration.ofMinutes(10)));
	}

	@Test
	void aCohortRunsWithDueDatesRemindersItsEvaluatorAndItsLateWorkRule() {
		District district = data.district(); // coaches may not assess their own teachers
		ZoneId zone = ZoneId.of(district.timeZone());
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person evaluator = data.person(district, Role.ASSESSOR, Role.COACH);
		Person otherAssessor = data.person(district, Role.ASSESSOR);
		Person teacher = teacher(district);
		Person coached = mongo.save(withCoach(teacher(district), evaluator.id())).block();
		Person selfPaced = teacher(district);
		String invitee = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@" + district.slug() + ".example.org";
		Template strict = save(Parkway.unlocked(district));
		Template lenient = save(Parkway.unlocked(district));
		WebTestClient asAdmin = data.as(admin);

		// the form's mistakes, each on its field
		Map<String, Object> wrong = cohort("Wrong", strict, today, false, evaluator.id(),
				List.of(deadline("tier-9", null, today), deadline("tier-1", "nothing", today.plusYears(2))));
		asAdmin.post().uri("/api/v1/cohorts").bodyValue(wrong).exchange().expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("deadlines[0].tierKey", "deadlines[1].taskKey",
					"deadlines[1].dueOn"));
		asAdmin.post().uri("/api/v1/cohorts")
			.bodyValue(cohort("Wrong", strict, today, false, teacher.id(), List.of()))
			.exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("evaluatorId");
		data.as(teacher).post().uri("/api/v1/cohorts").bodyValue(cohort("Mine", strict, today, false, evaluator.id(),
				List.of())).exchange().expectStatus().isForbidden();

		// opened, and a retried request returns the same cohort
		Map<String, Object> strictBody = cohort("Data 2026-27", strict, today, false, evaluator.id(),
				List.of(deadline("tier-1", null, today.minusDays(1)), deadline("tier-2", null, today.plusDays(3)),
						deadline("tier-2", "artifacts", today.plusDays(1))));
		String strictId = (String) asAdmin.post().uri("/api/v1/cohorts").bodyValue(strictBody).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		asAdmin.post().uri("/api/v1/cohorts").bodyValue(strictBody).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(strictId);

		// a list: enrolled, refused (coach evaluates), invited; enrolling again changes nothing
		List<Map<String, Object>> outcomes = enrol(asAdmin, strictId,
				List.of(teacher.email(), coached.email().toUpperCase(), invitee, "not an address"));
		assertThat(outcomes).extracting(o -> o.get("result"))
			.containsExactly("ENROLLED", "REFUSED", "INVITED", "REFUSED");
		assertThat((String) outcomes.get(1).get("detail")).contains("coach");
		assertThat(new MailLinks(cairn.dataDir()).messages(invitee)).isNotEmpty();
		assertThat(enrol(asAdmin, strictId, List.of(teacher.email()))).extracting(o -> o.get("result"))
			.containsExactly("ALREADY");
		String enrollmentId = (String) outcomes.get(0).get("enrollmentId");
		data.as(teacher).get().uri("/api/v1/enrollments/{id}", enrollmentId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.state").isEqualTo("ACTIVE");
		// an assessor who does not evaluate the cohort sees nothing of it
		data.as(otherAssessor).get().uri("/api/v1/cohorts/{id}", strictId).exchange().expectStatus().isNotFound();

		// the teacher sees what is due next: the overdue first tier
		Map<String, Object> mine = data.as(teacher).get().uri("/api/v1/me/cohorts").exchange().expectStatus().isOk()
			.expectBody(JSON_LIST).returnResult().getResponseBody().get(0);
		assertThat(mine.get("name")).isEqualTo("Data 2026-27");
		assertThat(((Map<?, ?>) mine.get("next")).get("tierKey")).isEqualTo("tier-1");
		assertThat(((Map<?, ?>) mine.get("next")).get("status")).isEqualTo("OVERDUE");

		// reminders: two instances sweeping at once, then again later the same day: one of each
		java.time.Instant now = clock.instant();
		Mono.zip(instanceAt(now).sweepOnce(), instanceAt(now).sweepOnce()).block();
		instanceAt(now.plus(Duration.ofHours(1))).sweepOnce().block();
		List<Map<String, Object>> due = notices(data.as(teacher), "WORK_DUE");
		assertThat(due).extracting(n -> (String) n.get("title"))
			.containsExactlyInAnyOrder("Due in 3 days: Evidence of implementation",
					"Due tomorrow: Artifacts (Evidence of implementation)");
		assertThat(new MailLinks(cairn.dataDir()).messages(teacher.email()))
			.filteredOn(m -> m.subject().startsWith("Due ")).hasSize(2);
		assertThat(notices(data.as(teacher), "COHORT_ENROLLED")).hasSize(1);

		// past its due date, in a cohort without late work: refused in plain words, the evidence still editable
		reflect(data.as(teacher), enrollmentId, "tier-1", "reflection", RealFiles.words(550)).expectStatus().isOk();
		submitTier(data.as(teacher), enrollmentId, "tier-1").expectStatus().isEqualTo(409)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:past-due")
			.jsonPath("$.detail").value(d -> assertThat((String) d).contains("does not accept late work"));
		reflect(data.as(teacher), enrollmentId, "tier-1", "reflection", RealFiles.words(560)).expectStatus().isOk();

		// self-paced enrolment is untouched: the same microcredential, no cohort, no due date
		String own = approvedEnrollment(selfPaced, admin, strict);
		reflect(data.as(selfPaced), own, "tier-1", "reflection", RealFiles.words(550)).expectStatus().isOk();
		submitted(data.as(selfPaced), own, "tier-1");

		// a cohort that takes late work: the evaluator gets it, sees the month together, marked late, and decides
		String lenientId = (String) asAdmin.post().uri("/api/v1/cohorts")
			.bodyValue(cohort("Lenient", lenient, today, true, evaluator.id(),
					List.of(deadline("tier-1", null, today.minusDays(1)))))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		String lateId = (String) enrol(asAdmin, lenientId, List.of(teacher.email())).get(0).get("enrollmentId");
		reflect(data.as(teacher), lateId, "tier-1", "reflection", RealFiles.words(550)).expectStatus().isOk();
		Map<String, Object> submission = submitted(data.as(teacher), lateId, "tier-1");
		assertThat(submission.get("assessorId")).isEqualTo(evaluator.id());
		List<Map<String, Object>> month = data.as(evaluator).get()
			.uri("/api/v1/cohorts/{id}/month?month={m}", lenientId, YearMonth.now(clock.withZone(zone)))
			.exchange().expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
		assertThat(month).singleElement().satisfies(item -> {
			assertThat(item.get("submissionId")).isEqualTo(submission.get("id"));
			assertThat(item.get("late")).isEqualTo(true);
			assertThat(item.get("mine")).isEqualTo(true);
		});
		assertThat(data.as(evaluator).get().uri("/api/v1/cohorts").exchange().expectBody(JSON_LIST).returnResult()
			.getResponseBody()).extracting(c -> c.get("id")).containsExactlyInAnyOrder(strictId, lenientId);
		data.as(evaluator).get().uri("/api/v1/cohorts/{id}/month?month=October", lenientId).exchange()
			.expectStatus().isEqualTo(422);
		decide(data.as(evaluator), (String) submission.get("id"), decision(lenient.tiers().get(0), 1, "PASS", 1))
			.expectStatus().isOk();
		Map<String, Object> view = asAdmin.get().uri("/api/v1/cohorts/{id}", lenientId).exchange().expectStatus()
			.isOk().expectBody(JSON).returnResult().getResponseBody();
		Map<?, ?> member = (Map<?, ?>) ((List<?>) view.get("members")).get(0);
		assertThat(((Map<?, ?>) ((List<?>) member.get("due")).get(0)).get("status")).isEqualTo("PASSED");

		// the evaluator cannot be swapped for the coach of a member
		asAdmin.put().uri("/api/v1/cohorts/{id}/evaluator", strictId).bodyValue(Map.of("evaluatorId", otherAssessor.id()))
			.exchange().expectStatus().isOk();
		Person coach = data.person(district, Role.ASSESSOR, Role.COACH);
		mongo.save(withCoach(teacher, coach.id())).block();
		asAdmin.put().uri("/api/v1/cohorts/{id}/evaluator", strictId).bodyValue(Map.of("evaluatorId", coach.id()))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:evaluator-not-eligible");
	}

	@Test
	void anotherDistrictSeesNothingOfACohort() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person evaluator = data.person(district, Role.ASSESSOR);
		Template template = save(Parkway.unlocked(district));
		String id = (String) data.as(admin).post().uri("/api/v1/cohorts")
			.bodyValue(cohort("Ours", template, LocalDate.now(), false, evaluator.id(), List.of()))
			.exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
		Person stranger = data.person(data.district(), Role.DISTRICT_ADMIN);
		data.as(stranger).get().uri("/api/v1/cohorts/{id}", id).exchange().expectStatus().isNotFound();
		data.as(stranger).post().uri("/api/v1/cohorts/{id}/members", id).bodyValue(Map.of("emails", List.of("a@b.org")))
			.exchange().expectStatus().isNotFound();
		assertThat(data.as(stranger).get().uri("/api/v1/cohorts").exchange().expectBody(JSON_LIST).returnResult()
			.getResponseBody()).isEmpty();
	}

	private static Person withCoach(Person p, String coachId) {
		return new Person(p.id(), p.districtId(), p.email(), p.displayName(), p.passwordHash(), p.roles(),
				p.platformAdmin(), p.school(), p.yearsOfExperience(), coachId, p.active(), p.createdAt(), p.version(),
				p.departedAt(), p.badgeEmail());
	}

	private static Map<String, Object> cohort(String name, Template template, LocalDate today, boolean acceptLate,
			String evaluatorId, List<Map<String, Object>> deadlines) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("templateId", template.id());
		body.put("opensOn", today.minusDays(30).toString());
		body.put("closesOn", today.plusDays(200).toString());
		body.put("deadlines", deadlines);
		body.put("acceptLate", acceptLate);
		body.put("reminderDays", List.of(7, 1));
		body.put("evaluatorId", evaluatorId);
		return body;
	}

	private static Map<String, Object> deadline(String tierKey, String taskKey, LocalDate dueOn) {
		Map<String, Object> d = new HashMap<>();
		d.put("tierKey", tierKey);
		d.put("taskKey", taskKey);
		d.put("dueOn", dueOn.toString());
		return d;
	}

	private List<Map<String, Object>> enrol(WebTestClient admin, String cohortId, List<String> emails) {
		return admin.post().uri("/api/v1/cohorts/{id}/members", cohortId).bodyValue(Map.of("emails", emails))
			.exchange().expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
	}

	private List<Map<String, Object>> notices(WebTestClient who, String kind) {
		List<Map<String, Object>> all = new ArrayList<>(who.get().uri("/api/v1/notifications").exchange()
			.expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody());
		all.removeIf(n -> !kind.equals(n.get("kind")));
		return all;
	}

}
