package org.cairn.demo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.earning.EarningTest;
import org.cairn.earning.Parkway;
import org.cairn.enrollment.Enrollments;
import org.cairn.evidence.EvidenceService;
import org.cairn.review.Reviews;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** The earning demo step, run on a district of its own: the scripted states, and a restart that changes nothing. */
class EarningDemoIntegrationTests extends EarningTest {

	@Autowired
	Enrollments enrollments;

	@Autowired
	EvidenceService evidence;

	@Autowired
	Reviews reviews;

	@Autowired
	TemplateLookup templates;

	@Autowired
	PersonRepository people;

	@Test
	void demoTeachersEndMidwayReturnedAndPassedAndARestartChangesNothing() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Person fresh = teacher(district);
		Person midway = teacher(district);
		Person passed = teacher(district);
		Template parkway = save(Parkway.template(district));
		Template formative = save(asLibrary(Parkway.template(district), EarningDemo.FORMATIVE));
		EarningDemo demo = new EarningDemo(enrollments, evidence, reviews, people, templates);
		DemoDistrictSeeded event = new DemoDistrictSeeded(district.id(), admin.id(), List.of(assessor.id()),
				List.of(fresh.id(), midway.id(), passed.id()));

		demo.seed(event).block();

		assertThat(rows("enrollments", district, fresh)).as("the first teacher starts from scratch").isEmpty();
		assertThat(submissions(district, midway, parkway)).containsExactly(Map.entry("tier-1", "PASSED:1"));
		assertThat(rows("evidence", district, midway)).extracting(d -> d.getString("tierKey")).contains("tier-2");
		assertThat(submissions(district, midway, formative)).containsExactly(Map.entry("tier-1", "RETURNED:1"));
		assertThat(submissions(district, passed, parkway)).containsExactly(Map.entry("tier-1", "PASSED:1"),
				Map.entry("tier-2", "PASSED:1"));
		assertThat(rows("awards", district, passed)).hasSize(2)
			.allSatisfy(award -> assertThat(award.getList("publicEvidenceIds", String.class))
				.as("each demo badge shows one published piece").hasSize(1));
		assertThat(rows("evidence", district, passed)).filteredOn(d -> d.getBoolean("isPublic"))
			.extracting(d -> d.getString("tierKey"))
			.containsExactlyInAnyOrder("tier-1", "tier-2");
		assertThat(rows("stipends", district, passed)).extracting(d -> d.getLong("cents"))
			.containsExactly(7500L, 7500L);
		assertThat(rows("evidence", district, passed)).extracting(d -> d.getString("tierKey")).contains("tier-3");
		assertThat(mongo.count(Query.query(Criteria.where("districtId").is(district.id()).and("state").is("SUBMITTED")),
				"submissions").block()).as("nothing left waiting in the assessor's queue").isZero();

		Map<String, Long> before = counts(district);
		demo.seed(event).block();
		assertThat(counts(district)).isEqualTo(before);
		assertThat(submissions(district, midway, formative)).containsExactly(Map.entry("tier-1", "RETURNED:1"));
	}

	private static Template asLibrary(Template t, String libraryKey) {
		return new Template(t.id(), t.districtId(), t.familyId(), t.version(), t.status(), "Formative Assessment",
				t.summary(), t.criteria(), t.artwork(), t.tags(), t.alignments(), t.validFor(), t.scale(), false,
				t.tiers(), libraryKey, t.createdAt(), t.publishedAt(), t.revision());
	}

	private Map<String, String> submissions(District district, Person person, Template template) {
		return rows("submissions", district, person).stream()
			.filter(d -> template.id().equals(d.getString("templateId")))
			.collect(Collectors.toMap(d -> d.getString("tierKey"),
					d -> d.getString("state") + ":" + d.getInteger("attempt"), (a, b) -> a, java.util.TreeMap::new));
	}

	private List<Document> rows(String collection, District district, Person person) {
		return mongo
			.find(Query.query(Criteria.where("districtId").is(district.id()).and("personId").is(person.id()))
				.with(Sort.by("_id")), Document.class, collection)
			.collectList()
			.block();
	}

	private Map<String, Long> counts(District district) {
		return List.of("enrollments", "evidence", "submissions", "awards", "stipends", "budgets", "notices")
			.stream()
			.collect(Collectors.toMap(c -> c,
					c -> mongo.count(Query.query(Criteria.where("districtId").is(district.id())), c).block()));
	}

}
