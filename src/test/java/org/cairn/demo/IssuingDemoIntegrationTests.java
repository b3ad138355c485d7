package org.cairn.demo;

import java.util.List;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.award.AwardRepository;
import org.cairn.award.Awards;
import org.cairn.district.District;
import org.cairn.issuing.Issuance;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.issuing.PublicUrls;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The issuing demo step run twice against a district of its own, as two starts of the demo profile would. */
@Import(IssuingFixtures.class)
class IssuingDemoIntegrationTests extends IntegrationTest {

	private static final MediaType LD = MediaType.parseMediaType("application/ld+json");

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	TemplateLookup templates;

	@Autowired
	AwardRepository awards;

	@Autowired
	Awards awardOperations;

	@Autowired
	PersonRepository people;

	@Autowired
	Issuance issuance;

	@Autowired
	PublicUrls urls;

	@Autowired
	JsonMapper json;

	@Test
	void issuesEarnedAwardsAndAHostedASignedAndARevokedBadgeOnceAcrossRestarts() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		List<Person> teachers = List.of(data.person(district, Role.TEACHER), data.person(district, Role.TEACHER),
				data.person(district, Role.TEACHER));
		Template template = fixtures.template(district, null);
		// what the earning demo leaves behind: an award not issued yet
		Award earned = fixtures.award(teachers.get(0), template, "tier-1");
		DemoDistrictSeeded event = new DemoDistrictSeeded(district.id(), admin.id(), List.of(),
				teachers.stream().map(Person::id).toList());

		List<IssuingDemo.Line> first = new IssuingDemo(templates, awardOperations, people, issuance, urls).issue(event)
			.collectList().block();
		List<IssuingDemo.Line> restart = new IssuingDemo(templates, awardOperations, people, issuance, urls).issue(event)
			.collectList().block();

		assertThat(first).hasSize(4).extracting(IssuingDemo.Line::kind)
			.containsExactly("hosted", "hosted", "signed", "revoked");
		assertThat(restart).as("a restart issues nothing new").isEqualTo(first);
		assertThat(first.get(0).badge()).isEqualTo("Formative Assessment: Tier 1: Research");
		assertThat(awards.findById(earned.id()).block().assertionId()).isNotNull();
		assertThat(first.get(0).url()).isEqualTo(urls.assertion(awards.findById(earned.id()).block().assertionId()));

		JsonNode hosted = open(first.get(1).url(), 200);
		assertThat(hosted.get("verification").get("type").asString()).isEqualTo("hosted");
		JsonNode signed = open(first.get(2).url(), 200);
		assertThat(signed.get("verification").get("type").asString()).isEqualTo("signed");
		JsonNode revoked = open(first.get(3).url(), 410);
		assertThat(revoked.get("revocationReason").asString()).isEqualTo(IssuingDemo.REVOCATION_REASON);
		assertThat(json.readTree(data.as(teachers.get(1)).get().uri("/api/v1/me/badges").exchange().expectStatus()
			.isOk().expectBody().returnResult().getResponseBody()).get(0).get("jws").asString()).contains(".");
	}

	private JsonNode open(String url, int status) {
		return json.readTree(http.get().uri(url.substring("https://cairn.test".length())).accept(LD).exchange()
			.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
	}

}
