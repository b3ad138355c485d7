package org.cairn.issuing;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
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

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Templates and awards as earning and templates would store them, for issuing tests. */
@TestComponent
public class IssuingFixtures {

	private final ReactiveMongoTemplate mongo;

	private final AwardRepository awards;

	private final ApplicationEventPublisher events;

	public IssuingFixtures(ReactiveMongoTemplate mongo, AwardRepository awards, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.awards = awards;
		this.events = events;
	}

	public Template template(District district, Period validFor) {
		return template(district, validFor, null);
	}

	/** A published template with these tiers (their credits count on transcripts and learner records). */
	public Template templateWithTiers(District district, Period validFor, List<Tier> tiers) {
		return mongo.insert(new Template(null, district.id(), UUID.randomUUID().toString(), 1,
				TemplateStatus.PUBLISHED, "Formative Assessment", "Uses formative assessment to adjust instruction.",
				"Pass every requirement at **On track**.", null, new Tags(List.of("Math"), List.of("6-8"), List.of()),
				List.of(new Alignment("Using Assessment in Instruction", "https://danielsongroup.org/framework/3d",
						"Teacher uses assessment", "Danielson Framework for Teaching", "3d")),
				validFor, RubricScale.twoLevel(), false, List.copyOf(tiers), null, Instant.now(), Instant.now(), null))
			.block();
	}

	/** A published template with this artwork (a {@code data:} URI, or null for the drawn medallion). */
	public Template template(District district, Period validFor, String artwork) {
		RubricCriterion criterion = new RubricCriterion("c1", "Uses formative data to adjust instruction",
				List.of("Data not used", "Data used to adjust instruction"));
		Requirement reflection = new Requirement("r1", RequirementKind.REFLECTION, "Reflection",
				"Describe how you used formative data.", 500, 600, null, null, null, null, null, List.of(criterion),
				null);
		Tier tier = new Tier("tier-1", "Tier 1: Research", "Research formative assessment.", List.of(), true, 7500,
				"Title II-A", 10, List.of(reflection));
		return mongo.insert(new Template(null, district.id(), UUID.randomUUID().toString(), 1,
				TemplateStatus.PUBLISHED, "Formative Assessment", "Uses formative assessment to adjust instruction.",
				"Pass every requirement at **On track**.", artwork, new Tags(List.of("Math"), List.of("6-8"), List.of()),
				List.of(new Alignment("Using Assessment in Instruction", "https://danielsongroup.org/framework/3d",
						"Teacher uses assessment", "Danielson Framework for Teaching", "3d")),
				validFor, RubricScale.twoLevel(), false, List.of(tier), null, Instant.now(), Instant.now(), null))
			.block();
	}

	public Award award(Person teacher, Template template, String tierKey) {
		return awards.save(new Award(null, "test:" + UUID.randomUUID(), teacher.districtId(), teacher.id(),
				"enrol-" + UUID.randomUUID(), template.id(), tierKey, 7500, Instant.now(), List.of(), null, null))
			.block();
	}

	/** Publishes AwardGranted as earning does and waits for the assertion id (a first signed badge generates an
	 * RSA-3072 key, which takes seconds, tens of them on a busy shared machine). */
	public Award grant(Award award) {
		events.publishEvent(new AwardGranted(award.id()));
		for (int i = 0; i < 1200; i++) {
			Award current = awards.findById(award.id()).block();
			if (current.assertionId() != null) {
				return current;
			}
			sleep(Duration.ofMillis(50));
		}
		throw new AssertionError("award " + award.id() + " was not issued");
	}

	/**
	 * Returns once the badge's Open Badges 3.0 credential exists (issued just after the award; asking for it issues
	 * it at once), so a certificate read next attaches it and is held as it stays.
	 */
	public static void credentialIssued(WebTestClient http, String assertionId) {
		for (int i = 0; i < 600; i++) {
			if (http.get().uri("/public/credentials/{id}", assertionId).exchange().returnResult(byte[].class)
				.getStatus().value() == 200) {
				return;
			}
			sleep(Duration.ofMillis(50));
		}
		throw new AssertionError("no 3.0 credential for " + assertionId);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
