package org.cairn.verification;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.award.Award;
import org.cairn.award.AwardGranted;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.template.Alignment;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.RubricScale;
import org.cairn.template.Tags;
import org.cairn.template.Template;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Badges issued by Cairn as earning and issuing would produce them (a published template, an award, the
 * AwardGranted event), read back through the teacher's own badge list.
 */
@TestComponent
class IssuedBadges {

	private final ReactiveMongoTemplate mongo;

	private final AwardRepository awards;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	IssuedBadges(ReactiveMongoTemplate mongo, AwardRepository awards, ApplicationEventPublisher events,
			JsonMapper json) {
		this.mongo = mongo;
		this.awards = awards;
		this.events = events;
		this.json = json;
	}

	void mode(WebTestClient admin, String mode) {
		admin.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", mode, "showStipend", false, "showHours", false))
			.exchange().expectStatus().isOk();
	}

	/** Issues one badge to the teacher and answers the teacher's view of it (id, url, jws, image urls...). */
	JsonNode issue(District district, Person teacher, WebTestClient asTeacher) {
		Template template = mongo.insert(template(district)).block();
		Award award = awards.save(new Award(null, "verification-test:" + UUID.randomUUID(), teacher.districtId(),
				teacher.id(), "enrol-" + UUID.randomUUID(), template.id(), "tier-1", 0, Instant.now(), List.of(), null,
				null))
			.block();
		events.publishEvent(new AwardGranted(award.id()));
		// a district's first badge waits for its signing key (RSA-3072), slow on a busy machine
		for (int i = 0; i < 2400; i++) {
			Award current = awards.findById(award.id()).block();
			if (current.assertionId() != null) {
				JsonNode mine = json.readTree(asTeacher.get().uri("/api/v1/me/badges").exchange()
					.expectStatus().isOk().expectBody().returnResult().getResponseBody());
				for (JsonNode badge : mine) {
					if (badge.get("id").asString().equals(current.assertionId())) {
						return badge;
					}
				}
			}
			sleep();
		}
		throw new AssertionError("award " + award.id() + " was not issued");
	}

	private static Template template(District district) {
		RubricCriterion criterion = new RubricCriterion("c1", "Uses formative data",
				List.of("Data not used", "Data used to adjust instruction"));
		Requirement reflection = new Requirement("r1", RequirementKind.REFLECTION, "Reflection",
				"Describe how you used formative data.", 10, 600, null, null, null, null, null, List.of(criterion),
				null);
		Tier tier = new Tier("tier-1", "Tier 1: Research", "Research formative assessment.", List.of(), true, 0,
				null, 10, List.of(reflection));
		return new Template(null, district.id(), UUID.randomUUID().toString(), 1, TemplateStatus.PUBLISHED,
				"Formative Assessment", "Uses formative assessment to adjust instruction.",
				"Pass every requirement.", null, new Tags(List.of("Math"), List.of("6-8"), List.of()),
				List.of(new Alignment("Using Assessment in Instruction", "https://danielsongroup.org/framework/3d",
						"Teacher uses assessment", "Danielson Framework for Teaching", "3d")),
				Period.ofYears(3), RubricScale.twoLevel(), false, List.of(tier), null, Instant.now(), Instant.now(),
				null);
	}

	private static void sleep() {
		try {
			Thread.sleep(Duration.ofMillis(50).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
