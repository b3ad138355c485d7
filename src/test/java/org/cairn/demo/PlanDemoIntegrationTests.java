package org.cairn.demo;

import java.util.List;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.earning.EarningTest;
import org.cairn.plan.Plans;
import org.cairn.plan.Supervisors;
import org.cairn.plan.Surveys;
import org.cairn.template.StarterLibrary;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Templates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's survey, supervisors and plans on the real Derry library microcredentials: twelve answers with Lincoln
 * Middle shown on its own and the small schools pooled, Jordan's plan approved by Sam, Riley's waiting for Dana,
 * the first teacher untouched; running the step again changes nothing.
 */
class PlanDemoIntegrationTests extends EarningTest {

	@Autowired
	Surveys surveys;

	@Autowired
	Plans plans;

	@Autowired
	Supervisors supervisors;

	@Autowired
	PersonChanges personChanges;

	@Autowired
	PersonRepository people;

	@Autowired
	TemplateLookup templates;

	@Autowired
	StarterLibrary library;

	@Autowired
	Templates authoring;

	@Test
	void aSurveyWithAnswersSupervisorsAndPlansOnceOnly() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person avery = data.person(district, Role.ASSESSOR);
		Person sam = data.person(district, Role.ASSESSOR, Role.COACH);
		Person taylor = at(data.person(district, Role.TEACHER), "Lincoln Middle School");
		Person jordan = at(data.person(district, Role.TEACHER), "Central High School");
		Person riley = at(data.person(district, Role.TEACHER), "Maple Elementary School");
		for (String key : List.of("derry-data", "derry-learning-communities")) {
			authoring.publish(district.id(), library.adopt(district.id(), key, false).block().template().id()).block();
		}
		PlanDemo demo = new PlanDemo(surveys, plans, supervisors, personChanges, people, templates);
		DemoDistrictSeeded event = new DemoDistrictSeeded(district.id(), admin.id(), List.of(avery.id(), sam.id()),
				List.of(taylor.id(), jordan.id(), riley.id()));

		demo.seed(event).block();
		demo.seed(event).block();

		WebTestClient asAdmin = data.as(admin);
		List<Map<String, Object>> list = asAdmin.get().uri("/api/v1/surveys").exchange().expectStatus().isOk()
			.expectBody(JSON_LIST).returnResult().getResponseBody();
		assertThat(list).singleElement().satisfies(s -> assertThat(s.get("status")).isEqualTo("OPEN"));
		asAdmin.get().uri("/api/v1/surveys/{id}/results", list.get(0).get("id")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.respondents").isEqualTo(12)
			.jsonPath("$.groups[*].name").isEqualTo(List.of("District", "Lincoln Middle School", "Other schools"))
			.jsonPath("$.groups[2].schools").isEqualTo(List.of("Central High School", "Maple Elementary School"));
		data.as(jordan).get().uri("/api/v1/me/plan").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.state").isEqualTo("APPROVED").jsonPath("$.history.length()").isEqualTo(2)
			.jsonPath("$.goals[1].microcredentials[0].title").isEqualTo("Learning Communities");
		data.as(riley).get().uri("/api/v1/me/plan").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.state").isEqualTo("SUBMITTED").jsonPath("$.supervisorName")
			.isEqualTo(admin.displayName());
		data.as(taylor).get().uri("/api/v1/me/plan").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.plan.revision").isEqualTo(0);
		data.as(taylor).get().uri("/api/v1/me/surveys").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].changedAt").doesNotExist();
		asAdmin.get().uri("/api/v1/plan-supervisors").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(2);
	}

	private Person at(Person p, String school) {
		return mongo.save(new Person(p.id(), p.districtId(), p.email(), p.displayName(), p.passwordHash(), p.roles(),
				false, school, p.yearsOfExperience(), p.coachId(), true, p.createdAt(), p.version())).block();
	}

}
