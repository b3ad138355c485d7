package org.cairn.demo;

import java.util.List;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.earning.EarningTest;
import org.cairn.enrollment.Enrollments;
import org.cairn.evidence.EvidenceService;
import org.cairn.review.Reviews;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Templates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compensation demo step on a district of its own: the Kettle Moraine-style salary credential is published and
 * earned by the third teacher (a salary increase recorded, three fiscal years committed then paid), and a restart
 * changes nothing.
 */
class CompensationDemoIntegrationTests extends EarningTest {

	@Autowired
	Enrollments enrollments;

	@Autowired
	EvidenceService evidence;

	@Autowired
	Reviews reviews;

	@Autowired
	TemplateLookup templates;

	@Autowired
	Templates authoring;

	@Autowired
	PersonRepository people;

	@Test
	void theSalaryCredentialIsEarnedOnceAndCommitsThreeYears() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person riley = teacher(district);
		DemoDistrictSeeded event = new DemoDistrictSeeded(district.id(), admin.id(), List.of(),
				List.of(teacher(district).id(), teacher(district).id(), riley.id()));
		EarningDemo earning = new EarningDemo(enrollments, evidence, reviews, people, templates);
		CompensationDemo demo = new CompensationDemo(authoring, earning);

		demo.seed(event).block();
		demo.seed(event).block();

		Query ofDistrict = Query.query(Criteria.where("districtId").is(district.id()));
		List<Document> published = mongo.find(Query.query(Criteria.where("districtId").is(district.id())
			.and("title").is(CompensationDemo.TITLE)), Document.class, "templates").collectList().block();
		assertThat(published).hasSize(1);
		List<Document> pay = mongo.find(ofDistrict, Document.class, "pay_records").collectList().block();
		assertThat(pay).hasSize(1);
		assertThat(pay.get(0).getString("personId")).isEqualTo(riley.id());
		assertThat(pay.get(0).get("pay", Document.class).getString("kind")).isEqualTo("SALARY_INCREASE");
		List<Document> ledgers = mongo.find(ofDistrict, Document.class, "budgets").collectList().block();
		assertThat(ledgers.stream().filter(l -> l.getLong("paidCents") == 40_000)).hasSize(3);
		assertThat(ledgers.stream().mapToLong(l -> l.getLong("committedCents")).sum()).isZero();
	}

}
