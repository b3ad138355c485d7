package org.cairn.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.cohort.Cohorts;
import org.cairn.district.District;
import org.cairn.earning.EarningTest;
import org.cairn.enrollment.Enrollments;
import org.cairn.evidence.EvidenceService;
import org.cairn.review.Reviews;
import org.cairn.template.StarterLibrary;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Templates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Derry-style demo cohort on the real Derry library microcredential: a task due each month from September to
 * April, the second and third teachers enrolled, the third's first section passed by the cohort's evaluator, the
 * first teacher untouched and nothing left waiting; a restart changes nothing.
 */
class CohortDemoIntegrationTests extends EarningTest {

	@Autowired
	Cohorts cohorts;

	@Autowired
	TemplateLookup templates;

	@Autowired
	PersonRepository people;

	@Autowired
	StarterLibrary library;

	@Autowired
	Templates authoring;

	@Autowired
	Enrollments enrollments;

	@Autowired
	EvidenceService evidence;

	@Autowired
	Reviews reviews;

	@Autowired
	Clock clock;

	@Test
	void aDerryStyleCohortWithAMonthlyCalendarAndItsEvaluatorsFirstDecision() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person evaluator = data.person(district, Role.ASSESSOR);
		List<Person> teachers = List.of(teacher(district), teacher(district), teacher(district));
		String templateId = library.adopt(district.id(), "derry-data", false).block().template().id();
		authoring.publish(district.id(), templateId).block();
		CohortDemo demo = new CohortDemo(cohorts, templates, people,
				new EarningDemo(enrollments, evidence, reviews, people, templates), clock);
		DemoDistrictSeeded event = new DemoDistrictSeeded(district.id(), admin.id(), List.of(evaluator.id()),
				teachers.stream().map(Person::id).toList());

		demo.seed(event).block();

		Document cohort = mongo.findOne(Query.query(Criteria.where("districtId").is(district.id())), Document.class,
				"cohorts").block();
		assertThat(cohort.getString("name")).isEqualTo(CohortDemo.NAME);
		assertThat(cohort.getList("deadlines", Document.class)).hasSize(9);
		assertThat(cohort.getString("evaluatorId")).isEqualTo(evaluator.id());
		assertThat(rows("cohort_members", district)).extracting(d -> d.getString("personId"))
			.containsExactlyInAnyOrder(teachers.get(1).id(), teachers.get(2).id());
		assertThat(rows("enrollments", district)).extracting(d -> d.getString("personId"))
			.doesNotContain(teachers.get(0).id());
		assertThat(rows("submissions", district)).singleElement().satisfies(s -> {
			assertThat(s.getString("personId")).isEqualTo(teachers.get(2).id());
			assertThat(s.getString("tierKey")).isEqualTo("section-1");
			assertThat(s.getString("state")).isEqualTo("PASSED");
			assertThat(s.getString("assessorId")).isEqualTo(evaluator.id());
		});

		Map<String, Long> before = counts(district);
		demo.seed(event).block();
		assertThat(counts(district)).isEqualTo(before);
	}

	private List<Document> rows(String collection, District district) {
		return mongo.find(Query.query(Criteria.where("districtId").is(district.id())), Document.class, collection)
			.collectList()
			.block();
	}

	private Map<String, Long> counts(District district) {
		return List.of("cohorts", "cohort_members", "enrollments", "evidence", "submissions", "notices")
			.stream()
			.collect(Collectors.toMap(c -> c,
					c -> mongo.count(Query.query(Criteria.where("districtId").is(district.id())), c).block()));
	}

}
