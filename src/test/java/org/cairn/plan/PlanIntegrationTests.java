package org.cairn.plan;

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
import org.cairn.people.MailLinks;
import org.cairn.system.CairnProperties;
import org.cairn.template.Alignment;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Needs and plans through the real service: an administrator writes and opens a survey, teachers answer (once,
 * changeable, retry-safe), results come by school under the small-group rule; a teacher's plan goes to the
 * supervisor named for their school, is returned with a comment, approved, with its history kept; recommendations
 * say why; the needs report sets the district's needs against what teachers pursue; another district sees nothing.
 */
class PlanIntegrationTests extends EarningTest {

	@Autowired
	CairnProperties cairn;

	@Test
	void aSurveyIsWrittenOpenedAnsweredAndReadBySchoolWithoutExposingSmallSchools() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		WebTestClient asAdmin = data.as(admin);
		List<Person> central = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			central.add(teacherAt(district, "Central High"));
		}
		List<Person> east = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			east.add(teacherAt(district, "East Middle"));
		}
		Person north1 = teacherAt(district, "North Elementary");
		Person north2 = teacherAt(district, "North Elementary");

		// the form's mistakes, each on its field; a teacher may not write one
		Map<String, Object> wrong = survey("Wrong", "2026-28", List.of(scale("q1"), scale("q1")));
		asAdmin.post().uri("/api/v1/surveys").bodyValue(wrong).exchange().expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.errors[*].field")
			.value(f -> assertThat(f.toString()).contains("schoolYear", "questions[1].key"));
		data.as(central.get(0)).post().uri("/api/v1/surveys").bodyValue(survey("Mine", "2026-27", List.of(scale("q1"))))
			.exchange().expectStatus().isForbidden();

		// written, and a retried request returns the same draft
		Map<String, Object> body = survey("Needs assessment 2026-27", "2026-27",
				List.of(scale("confidence"), choice("clusters", "CLUSTERS", 2), choice("standards", "STANDARDS", 1)));
		String id = (String) ((Map<?, ?>) asAdmin.post().uri("/api/v1/surveys").bodyValue(body).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("survey")).get("id");
		asAdmin.post().uri("/api/v1/surveys").bodyValue(body).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.survey.id").isEqualTo(id).jsonPath("$.options.clusters.length()").isEqualTo(6);

		// nobody answers a draft
		answer(central.get(0), id, Map.of("confidence", Map.of("level", 3))).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").value(t -> assertThat(t.toString()).endsWith("survey-not-open"));
		asAdmin.post().uri("/api/v1/surveys/{id}/open", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.survey.status").isEqualTo("OPEN");
		asAdmin.post().uri("/api/v1/surveys/{id}/open", id).exchange().expectStatus().isOk();
		// once open, the questions stay
		asAdmin.put().uri("/api/v1/surveys/{id}", id).bodyValue(body).exchange().expectStatus().isEqualTo(409);

		// an answer out of range or not offered, each on its field
		answer(central.get(0), id, Map.of("confidence", Map.of("level", 9), "clusters",
				Map.of("choices", List.of("FFT.C2", "FFT.C9")))).expectStatus().isEqualTo(422).expectBody()
			.jsonPath("$.errors[*].field")
			.value(f -> assertThat(f.toString()).contains("answers.confidence", "answers.clusters"));

		// everyone answers; the first teacher changes their mind and their retry stores one answer
		for (Person t : central) {
			answer(t, id, answers(4, List.of("FFT.C2", "FFT.C4"), "LF2011.DATA")).expectStatus().isOk();
		}
		answer(central.get(0), id, answers(2, List.of("FFT.C2"), "LF2011.DATA")).expectStatus().isOk();
		answer(central.get(0), id, answers(2, List.of("FFT.C2"), "LF2011.DATA")).expectStatus().isOk();
		for (Person t : east) {
			answer(t, id, answers(3, List.of("FFT.C5"), "LF2011.LC")).expectStatus().isOk();
		}
		answer(north1, id, answers(1, List.of("FFT.C3"), "LF2011.DATA")).expectStatus().isOk();
		answer(north2, id, answers(5, List.of("FFT.C3"), "LF2011.DATA")).expectStatus().isOk();
		data.as(central.get(0)).get().uri("/api/v1/me/surveys").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].answers.confidence.level").isEqualTo(2);

		// results: Central High shown; North's two answers pooled with East, never alone
		Map<String, Object> results = asAdmin.get().uri("/api/v1/surveys/{id}/results", id).exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
		assertThat(results.get("minGroupSize")).isEqualTo(5);
		assertThat(results.get("respondents")).isEqualTo(13);
		List<Map<String, Object>> groups = list(results.get("groups"));
		assertThat(groups).extracting(g -> g.get("name")).containsExactly("District", "Central High", "Other schools");
		assertThat(groups.get(2).get("schools")).isEqualTo(List.of("East Middle", "North Elementary"));
		assertThat(groups).noneMatch(g -> g.get("name").equals("North Elementary"));
		Map<String, Object> centralConfidence = list(groups.get(1).get("questions")).get(0);
		assertThat(centralConfidence.get("average")).isEqualTo(3.7); // (2 + 4 * 5) / 6
		assertThat(list(list(groups.get(0).get("questions")).get(1).get("choices")).get(0))
			.containsEntry("code", "FFT.C2").containsEntry("count", 6)
			.containsEntry("label", "Cluster 2: A Safe, Respectful, Supportive, and Challenging Learning Environment");

		// closing stops answers; another district sees nothing of it
		asAdmin.post().uri("/api/v1/surveys/{id}/close", id).exchange().expectStatus().isOk();
		answer(north1, id, answers(2, List.of("FFT.C3"), "LF2011.DATA")).expectStatus().isEqualTo(409);
		District other = data.district();
		data.as(data.person(other, Role.DISTRICT_ADMIN)).get().uri("/api/v1/surveys/{id}/results", id).exchange()
			.expectStatus().isNotFound();
		data.as(data.person(other, Role.TEACHER)).get().uri("/api/v1/me/surveys").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	@Test
	void aPlanGoesToTheSchoolsSupervisorIsReturnedApprovedAndDrivesRecommendations() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person principal = data.person(district, Role.COACH, Role.TEACHER); // also teaches at Central High
		Person otherCoach = data.person(district, Role.COACH);
		Person teacher = teacherAt(district, "Central High");
		Template questioning = save(aligned(district, "Questioning in Math", TemplateStatus.PUBLISHED,
				new Alignment("Using Questioning and Discussion Techniques", "https://danielsongroup.org", null,
						"Danielson Framework for Teaching", "FFT.3b")));
		Template environment = save(aligned(district, "Classroom Climate", TemplateStatus.PUBLISHED,
				new Alignment("Creating an Environment of Respect and Rapport", "https://danielsongroup.org", null,
						"Danielson Framework for Teaching", "FFT2022.2a")));
		Template draft = save(aligned(district, "Unpublished Questioning", TemplateStatus.DRAFT,
				new Alignment("Using Questioning", "https://danielsongroup.org", null,
						"Danielson Framework for Teaching", "FFT.3b")));
		District other = data.district();
		Template elsewhere = save(aligned(other, "Other District Questioning", TemplateStatus.PUBLISHED,
				new Alignment("Using Questioning", "https://danielsongroup.org", null,
						"Danielson Framework for Teaching", "FFT.3b")));
		WebTestClient asTeacher = data.as(teacher);

		// a goal's mistakes on their fields
		asTeacher.put().uri("/api/v1/me/plan")
			.bodyValue(plan("2026-27", 3, goal("Better questions", List.of("FFT.9z"), List.of(elsewhere.familyId()),
					"2031-32")))
			.exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[*].field")
			.value(f -> assertThat(f.toString()).contains("goals[0].targets[0]", "goals[0].families[0]",
					"goals[0].targetYear"));
		Map<String, Object> goals = plan("2026-27", 3, goal("Ask questions that make every student think",
				List.of("FFT.3b"), List.of(questioning.familyId()), "2027-28"),
				goal("A classroom where everyone belongs", List.of("FFT.C2"), List.of(), "2026-27"));
		asTeacher.put().uri("/api/v1/me/plan").bodyValue(goals).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.revision").isEqualTo(1)
			.jsonPath("$.goals[0].targets[0].label").isEqualTo("3b Using Questioning and Discussion Techniques")
			.jsonPath("$.goals[0].microcredentials[0].title").isEqualTo("Questioning in Math");
		asTeacher.put().uri("/api/v1/me/plan").bodyValue(goals).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.revision").isEqualTo(1);

		// nobody named for the school yet: told in words
		asTeacher.post().uri("/api/v1/me/plan/submission").exchange().expectStatus().isEqualTo(409)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("Central High"));
		data.as(admin).put().uri("/api/v1/plan-supervisors")
			.bodyValue(Map.of("school", "Central High", "supervisorId", teacher.id())).exchange()
			.expectStatus().isEqualTo(422);
		data.as(admin).put().uri("/api/v1/plan-supervisors")
			.bodyValue(Map.of("school", "central high", "supervisorId", principal.id())).exchange()
			.expectStatus().isOk();

		// submitted (twice: one submission), locked while it waits
		String planId = (String) ((Map<?, ?>) asTeacher.post().uri("/api/v1/me/plan/submission").exchange()
			.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("plan")).get("id");
		asTeacher.post().uri("/api/v1/me/plan/submission").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.state").isEqualTo("SUBMITTED").jsonPath("$.supervisorName")
			.isEqualTo(principal.displayName());
		asTeacher.put().uri("/api/v1/me/plan").bodyValue(plan("2026-27", 2)).exchange().expectStatus().isEqualTo(409);
		assertThat(notices(data.as(principal), "PLAN_SUBMITTED")).singleElement()
			.satisfies(n -> assertThat(n.get("link")).isEqualTo("/plans/" + planId));
		assertThat(new MailLinks(cairn.dataDir()).messages(principal.email())).isNotEmpty();

		// the supervisor's list; another coach sees nothing; the principal's own plan has nobody to go to
		data.as(principal).get().uri("/api/v1/plans?state=SUBMITTED").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].id").isEqualTo(planId).jsonPath("$.length()").isEqualTo(1);
		data.as(otherCoach).get().uri("/api/v1/plans/{id}", planId).exchange().expectStatus().isNotFound();
		data.as(otherCoach).post().uri("/api/v1/plans/{id}/decision", planId)
			.bodyValue(Map.of("decision", "APPROVE", "revision", 1)).exchange().expectStatus().isNotFound();
		WebTestClient asPrincipal = data.as(principal);
		asPrincipal.put().uri("/api/v1/me/plan").bodyValue(plan("2026-27", 1, goal("Coach well", List.of("FFT.4e"),
				List.of(), "2026-27"))).exchange().expectStatus().isOk();
		asPrincipal.post().uri("/api/v1/me/plan/submission").exchange().expectStatus().isEqualTo(409);

		// returned with a comment (one is needed), edited, submitted again, approved; a retried approval is one
		asPrincipal.post().uri("/api/v1/plans/{id}/decision", planId).bodyValue(Map.of("decision", "RETURN",
				"revision", 1)).exchange().expectStatus().isEqualTo(422);
		asPrincipal.post().uri("/api/v1/plans/{id}/decision", planId).bodyValue(Map.of("decision", "RETURN",
				"revision", 1, "comment", "Name the microcredential for your second goal.")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.plan.state").isEqualTo("RETURNED");
		assertThat(notices(asTeacher, "PLAN_DECIDED")).singleElement()
			.satisfies(n -> assertThat(n.get("link")).isEqualTo("/my/plan"));
		Map<String, Object> revised = plan("2026-27", 3, goal("Ask questions that make every student think",
				List.of("FFT.3b"), List.of(questioning.familyId()), "2027-28"),
				goal("A classroom where everyone belongs", List.of("FFT.C2"), List.of(environment.familyId()),
						"2026-27"));
		asTeacher.put().uri("/api/v1/me/plan").bodyValue(revised).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.revision").isEqualTo(2);
		asTeacher.post().uri("/api/v1/me/plan/submission").exchange().expectStatus().isOk();
		// a decision on the revision the supervisor read before: refused, not applied to the new one
		asPrincipal.post().uri("/api/v1/plans/{id}/decision", planId).bodyValue(Map.of("decision", "APPROVE",
				"revision", 1)).exchange().expectStatus().isEqualTo(409);
		for (int i = 0; i < 2; i++) {
			asPrincipal.post().uri("/api/v1/plans/{id}/decision", planId)
				.bodyValue(Map.of("decision", "APPROVE", "revision", 2)).exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.plan.state").isEqualTo("APPROVED");
		}
		asTeacher.get().uri("/api/v1/me/plan").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.history[*].event").isEqualTo(List.of("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED"))
			.jsonPath("$.history[1].comment").isEqualTo("Name the microcredential for your second goal.");

		// recommendations say why; drafts and other districts' are never recommended
		List<Map<String, Object>> recommended = asTeacher.get().uri("/api/v1/me/recommendations").exchange()
			.expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
		// both chosen for a goal and aligned to it: equal, by title
		assertThat(recommended).extracting(r -> r.get("title")).containsExactly("Classroom Climate",
				"Questioning in Math");
		assertThat(recommended).extracting(r -> r.get("templateId")).doesNotContain(draft.id(), elsewhere.id());
		assertThat(list(recommended.get(1).get("reasons"))).extracting(r -> r.get("kind")).contains("CHOSEN", "GOAL");
		assertThat(list(recommended.get(1).get("reasons"))).filteredOn(r -> "GOAL".equals(r.get("kind")))
			.singleElement().satisfies(r -> assertThat(r.get("targetLabel"))
				.isEqualTo("3b Using Questioning and Discussion Techniques"));
		// a 2022 component (2a) serves the 2013 cluster it belongs to (Cluster 2)
		assertThat(list(recommended.get(0).get("reasons"))).filteredOn(r -> "GOAL".equals(r.get("kind")))
			.singleElement().satisfies(r -> assertThat(r.get("targetCode")).isEqualTo("FFT.C2"));

		// editing an approved plan starts the next revision as a draft; the approval stays in the history
		asTeacher.put().uri("/api/v1/me/plan").bodyValue(plan("2026-27", 3, goal("Only questions",
				List.of("FFT.3b"), List.of(), "2027-28"))).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.state").isEqualTo("DRAFT").jsonPath("$.history.length()").isEqualTo(4);
		// another district's administrator cannot open it
		data.as(data.person(other, Role.DISTRICT_ADMIN)).get().uri("/api/v1/plans/{id}", planId).exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void theNeedsReportSetsTheSurveyAgainstWhatTeachersPlanPursueAndEarnBySchool() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		WebTestClient asAdmin = data.as(admin);
		Template climate = save(aligned(district, "Classroom Climate", TemplateStatus.PUBLISHED,
				new Alignment("A Safe, Respectful…", "https://danielsongroup.org", null,
						"Danielson Framework for Teaching", "FFT.C2")));
		List<Person> central = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			central.add(teacherAt(district, "Central High"));
		}
		Person north = teacherAt(district, "North Elementary");
		asAdmin.get().uri("/api/v1/reports/needs").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.survey").doesNotExist();
		String id = (String) ((Map<?, ?>) asAdmin.post().uri("/api/v1/surveys")
			.bodyValue(survey("Needs", "2026-27", List.of(choice("clusters", "CLUSTERS", 1)))).exchange()
			.expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("survey")).get("id");
		asAdmin.post().uri("/api/v1/surveys/{id}/open", id).exchange().expectStatus().isOk();
		for (Person t : central) {
			answer(t, id, Map.of("clusters", Map.of("choices", List.of("FFT.C2")))).expectStatus().isOk();
		}
		answer(north, id, Map.of("clusters", Map.of("choices", List.of("FFT.C3")))).expectStatus().isOk();
		enroll(data.as(central.get(0)), climate.id());
		data.as(central.get(1)).put().uri("/api/v1/me/plan").bodyValue(plan("2026-27", 2,
				goal("Belonging", List.of("FFT.C2"), List.of(), "2026-27"))).exchange().expectStatus().isOk();

		Map<String, Object> report = asAdmin.get().uri("/api/v1/reports/needs").exchange().expectStatus().isOk()
			.expectBody(JSON).returnResult().getResponseBody();
		assertThat(list(report.get("needs"))).extracting(n -> n.get("code")).startsWith("FFT.C2");
		List<Map<String, Object>> rows = list(report.get("groups"));
		// the district (6 answers) is shown; Central High (5) would leave North's one answer to subtraction: pooled
		assertThat(rows).extracting(r -> r.get("name")).containsExactly("District", "Other schools");
		Map<String, Object> districtC2 = list(rows.get(0).get("cells")).get(0);
		assertThat(districtC2).containsEntry("chosen", 5).containsEntry("planned", 1).containsEntry("pursuing", 1)
			.containsEntry("earned", 0);
		// a late answer shows at once: the report is kept current by the survey's changes
		answer(north, id, Map.of("clusters", Map.of("choices", List.of("FFT.C2")))).expectStatus().isOk();
		asAdmin.get().uri("/api/v1/reports/needs").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.groups[0].cells[0].chosen").isEqualTo(6);
		data.as(central.get(0)).get().uri("/api/v1/reports/needs").exchange().expectStatus().isForbidden();
	}

	// --- steps ------------------------------------------------------------------------------------------------------

	/** The district's plans come a page at a time, last sent first; the waiting and the decided ones apart. */
	@Test
	void theDistrictsPlansComeAPageAtATime() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		WebTestClient asAdmin = data.as(admin);
		asAdmin.put().uri("/api/v1/plan-supervisors").bodyValue(Map.of("school", "*", "supervisorId", admin.id()))
			.exchange().expectStatus().isOk();
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			WebTestClient asTeacher = data.as(teacherAt(district, "School " + i));
			asTeacher.put().uri("/api/v1/me/plan").bodyValue(plan("2026-27", 1, goal("Belonging " + i,
					List.of("FFT.C2"), List.of(), "2026-27"))).exchange().expectStatus().isOk();
			sent.add((String) ((Map<?, ?>) asTeacher.post().uri("/api/v1/me/plan/submission").exchange()
				.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("plan")).get("id"));
		}
		draftOnly(teacherAt(district, "School 9")); // a draft is nobody's to decide: never listed
		List<String> all = planIds(asAdmin, "size=50");
		assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
		List<String> pages = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			pages.addAll(planIds(asAdmin, "page=" + page + "&size=2"));
		}
		assertThat(pages).isEqualTo(all);

		asAdmin.post().uri("/api/v1/plans/{id}/decision", sent.get(2))
			.bodyValue(Map.of("decision", "APPROVE", "revision", 1, "comment", "")).exchange().expectStatus().isOk();
		assertThat(planIds(asAdmin, "decided=true")).containsExactly(sent.get(2));
		assertThat(planIds(asAdmin, "state=SUBMITTED&size=50")).hasSize(4).doesNotContain(sent.get(2));
		asAdmin.get().uri("/api/v1/plans?size=501").exchange().expectStatus().isEqualTo(422);
	}

	private void draftOnly(Person teacher) {
		data.as(teacher).put().uri("/api/v1/me/plan").bodyValue(plan("2026-27", 1, goal("Draft only",
				List.of("FFT.C2"), List.of(), "2026-27"))).exchange().expectStatus().isOk();
	}

	private static List<String> planIds(WebTestClient client, String query) {
		return client.get().uri("/api/v1/plans?" + query).exchange().expectStatus().isOk()
			.expectBodyList(Map.class).returnResult().getResponseBody().stream()
			.map(m -> (String) m.get("id")).toList();
	}

	private Person teacherAt(District district, String school) {
		Person p = data.person(district, Role.TEACHER);
		return mongo.save(new Person(p.id(), p.districtId(), p.email(), p.displayName(), p.passwordHash(), p.roles(),
				false, school, p.yearsOfExperience(), p.coachId(), true, p.createdAt(), p.version())).block();
	}

	private static Template aligned(District district, String title, TemplateStatus status, Alignment alignment) {
		Template t = Parkway.unlocked(district);
		return new Template(null, district.id(), UUID.randomUUID().toString(), 1, status, title, "About " + title,
				t.criteria(), null, t.tags(), List.of(alignment), null, t.scale(), false, t.tiers(), null,
				t.createdAt(), t.publishedAt(), null);
	}

	private static Map<String, Object> survey(String title, String year, List<Map<String, Object>> questions) {
		return Map.of("title", title, "schoolYear", year, "intro", "Tell us where you want to grow.", "questions",
				questions);
	}

	private static Map<String, Object> scale(String key) {
		return Map.of("key", key, "text", "How confident are you using data?", "kind", "SCALE", "lowLabel",
				"Not yet", "highLabel", "Very", "maxChoices", 1);
	}

	private static Map<String, Object> choice(String key, String kind, int max) {
		return Map.of("key", key, "text", "Where do you most want to grow?", "kind", kind, "maxChoices", max);
	}

	private static Map<String, Object> answers(int level, List<String> clusters, String standard) {
		return Map.of("confidence", Map.of("level", level), "clusters", Map.of("choices", clusters), "standards",
				Map.of("choices", List.of(standard)));
	}

	private WebTestClient.ResponseSpec answer(Person teacher, String surveyId, Map<String, Object> answers) {
		return data.as(teacher).put().uri("/api/v1/me/surveys/{id}/answers", surveyId)
			.bodyValue(Map.of("answers", answers)).exchange();
	}

	private static Map<String, Object> plan(String firstYear, int years, Map<?, ?>... goals) {
		return Map.of("firstYear", firstYear, "years", years, "goals", List.of(goals));
	}

	private static Map<String, Object> goal(String statement, List<String> targets, List<String> families,
			String year) {
		Map<String, Object> g = new HashMap<>();
		g.put("statement", statement);
		g.put("targets", targets);
		g.put("families", families);
		g.put("targetYear", year);
		return g;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object o) {
		return (List<Map<String, Object>>) o;
	}

	private List<Map<String, Object>> notices(WebTestClient who, String kind) {
		List<Map<String, Object>> all = new ArrayList<>(who.get().uri("/api/v1/notifications").exchange()
			.expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody());
		all.removeIf(n -> !kind.equals(n.get("kind")));
		return all;
	}

}
