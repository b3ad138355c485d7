package org.cairn.transcript;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.award.AwardGranted;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.issuing.BadgeRecords;
import org.cairn.notification.Notifier;
import org.cairn.people.MailLinks;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.cairn.template.Template;
import org.cairn.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A badge valid for a year, the clock moved toward its expiry: its holder is reminded in the app and by mail at
 * the district's days before, once each even with two instances sweeping at the same moment; once expired it
 * shows as expired on the teacher's hours, and the administrator's report lists what expires when.
 */
class ExpiryRemindersIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	AwardRepository awards;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	@Autowired
	BadgeRecords badges;

	@Autowired
	Credits credits;

	@Autowired
	TemplateCatalog templates;

	@Autowired
	DistrictRepository districts;

	@Autowired
	Notifier notifier;

	@Autowired
	Renewals renewals;

	@Autowired
	Clock clock;

	@Autowired
	CairnProperties cairn;

	/** This service as another instance would run it, at another time. */
	private ExpiryReminders instanceAt(Instant at) {
		return new ExpiryReminders(badges, credits, renewals, templates, districts, notifier, mongo,
				Clock.fixed(at, clock.getZone()), new TranscriptProperties(Duration.ofMinutes(10)));
	}

	@Test
	void theHolderIsRemindedOnceAtEachOfTheDistrictsDaysAndTheBadgeThenShowsAsExpired() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient asAdmin = data.as(admin);
		WebTestClient asTeacher = data.as(teacher);
		asAdmin.put().uri("/api/v1/hours/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("creditName", "professional learning hours", "reminderDays", List.of(45, 10)))
			.exchange().expectStatus().isOk();
		asAdmin.put().uri("/api/v1/hours/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("creditName", "hours", "reminderDays", List.of(0)))
			.exchange().expectStatus().isEqualTo(422);

		Template template = mongo.insert(TranscriptIntegrationTests.template(district)).block(); // valid 3 years
		String assertionId = issue(teacher, template);
		Instant expires = mongo.findById(assertionId, org.bson.Document.class, "issuing_assertions").block()
			.getDate("expires").toInstant();

		// 100 days before: nothing due
		instanceAt(expires.minus(Duration.ofDays(100))).sweepOnce().block();
		assertThat(reminders(asTeacher)).isEmpty();

		// 44 days before, two instances sweeping together: one reminder, one mail
		Instant at44 = expires.minus(Duration.ofDays(44));
		Mono.zip(instanceAt(at44).sweepOnce(), instanceAt(at44).sweepOnce()).block();
		instanceAt(at44.plus(Duration.ofHours(1))).sweepOnce().block();
		assertThat(reminders(asTeacher)).hasSize(1);
		assertThat(reminders(asTeacher).get(0).get("title").asString()).contains("expires in 44 days");
		MailLinks outbox = new MailLinks(cairn.dataDir());
		assertThat(outbox.messages(teacher.email()).stream().filter(m -> m.subject().contains("expires in")))
			.hasSize(1);

		// 9 days before: the 10-day reminder, once
		Instant at9 = expires.minus(Duration.ofDays(9));
		Mono.zip(instanceAt(at9).sweepOnce(), instanceAt(at9).sweepOnce()).block();
		assertThat(reminders(asTeacher)).hasSize(2);
		assertThat(reminders(asTeacher).get(0).get("title").asString()).contains("expires in 9 days");

		// the report lists it with the days left, for whoever asks within the window
		JsonNode expiring = json.readTree(asAdmin.get().uri("/api/v1/hours/expiring?days=1100").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(expiring.findValuesAsString("assertionId")).containsExactly(assertionId);
		assertThat(expiring.get(0).get("personEmail").asString()).isEqualTo(teacher.email());
		assertThat(json.readTree(asAdmin.get().uri("/api/v1/hours/expiring?days=30").exchange().expectStatus()
			.isOk().expectBody().returnResult().getResponseBody())).isEmpty();
		asTeacher.get().uri("/api/v1/hours/expiring").exchange().expectStatus().isForbidden();

		// the administrator renews it: the same badge issued again, with a new validity, linked to the old one
		JsonNode renewed = json.readTree(asAdmin.post().uri("/api/v1/hours/renewals/" + assertionId).exchange()
			.expectStatus().isCreated().expectBody().returnResult().getResponseBody());
		JsonNode again = json.readTree(asAdmin.post().uri("/api/v1/hours/renewals/" + assertionId).exchange()
			.expectStatus().isCreated().expectBody().returnResult().getResponseBody());
		assertThat(again.get("awardId").asString()).as("a retry is the same renewal").isEqualTo(renewed.get("awardId").asString());
		asTeacher.post().uri("/api/v1/hours/renewals/" + assertionId).exchange().expectStatus().isForbidden();
		data.as(data.person(data.district(), Role.DISTRICT_ADMIN)).post().uri("/api/v1/hours/renewals/" + assertionId)
			.exchange().expectStatus().isNotFound();
		String renewal = awaitAssertion(renewed.get("awardId").asString());
		org.bson.Document fresh = mongo.findById(renewal, org.bson.Document.class, "issuing_assertions").block();
		// a full validity again, counted from the renewal (issue and renewal may fall in the same second here)
		Instant renewedOn = fresh.getDate("issuedOn").toInstant();
		assertThat(renewedOn).isAfterOrEqualTo(expires.atOffset(java.time.ZoneOffset.UTC).minusYears(3).toInstant());
		assertThat(fresh.getDate("expires").toInstant())
			.isEqualTo(renewedOn.atOffset(java.time.ZoneOffset.UTC).plusYears(3).toInstant())
			.isAfterOrEqualTo(expires);
		assertThat(fresh.getString("_id")).isNotEqualTo(assertionId);
		JsonNode hours = json.readTree(asTeacher.get().uri("/api/v1/me/hours").exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
		JsonNode oldView = byId(hours.get("badges"), assertionId);
		JsonNode newView = byId(hours.get("badges"), renewal);
		assertThat(oldView.get("renewed").asBoolean()).isTrue();
		assertThat(newView.get("renews").asString()).isEqualTo(assertionId);
		assertThat(newView.get("credits").asDouble()).as("a renewal credits no hours twice").isZero();
		assertThat(hours.get("years").get(0).get("credits").asDouble()).isEqualTo(7.5);
		// the renewed badge gets no more reminders
		instanceAt(expires.minus(Duration.ofDays(3))).sweepOnce().block();
		assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
				org.springframework.data.mongodb.core.query.Criteria.where("assertionId").is(assertionId)),
				ExpiryReminders.Reminder.class).block()).isEqualTo(2);

		// a day after it expires, the teacher's hours show it as expired (still credited: the learning happened)
		Credits later = new Credits(badges, templates, mongo, Clock.fixed(expires.plus(Duration.ofDays(1)), clock.getZone()));
		CreditedBadge after = later.of(district, teacher.id())
			.filter(b -> b.badge().assertionId().equals(assertionId))
			.blockFirst();
		assertThat(after.expired()).isTrue();
		assertThat(after.credits()).isEqualTo(7.5);
		int before = reminders(asTeacher).size();
		instanceAt(expires.plus(Duration.ofDays(1))).sweepOnce().block();
		assertThat(reminders(asTeacher)).as("no reminder after expiry").hasSize(before);
	}

	private static JsonNode byId(JsonNode badges, String id) {
		return badges.valueStream().filter(b -> b.get("assertionId").asString().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void theExpiringListComesAPageAtATimeSoonestFirstWithEachHoldersName() throws Exception {
		District district = data.district();
		WebTestClient asAdmin = data.as(data.person(district, Role.DISTRICT_ADMIN));
		Template template = mongo.insert(TranscriptIntegrationTests.template(district)).block(); // valid 3 years
		List<Person> holders = List.of(data.person(district, Role.TEACHER), data.person(district, Role.TEACHER),
				data.person(district, Role.TEACHER));
		List<String> issued = new java.util.ArrayList<>();
		for (Person holder : holders) {
			issued.add(issue(holder, template));
		}
		// the first one issued expires last
		for (int i = 0; i < issued.size(); i++) {
			mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
					org.springframework.data.mongodb.core.query.Criteria.where("_id").is(issued.get(i))),
					new org.springframework.data.mongodb.core.query.Update().set("expires",
							Instant.now().plus(Duration.ofDays(300 - 100 * i))),
					"issuing_assertions").block();
		}
		JsonNode first = json.readTree(asAdmin.get().uri("/api/v1/hours/expiring?days=1100&size=2").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(first.findValuesAsString("assertionId")).containsExactly(issued.get(2), issued.get(1));
		assertThat(first.get(0).get("personEmail").asString()).isEqualTo(holders.get(2).email());
		assertThat(first.get(0).get("personName").asString()).isEqualTo(holders.get(2).displayName());
		JsonNode second = json.readTree(asAdmin.get().uri("/api/v1/hours/expiring?days=1100&size=2&page=1")
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(second.findValuesAsString("assertionId")).containsExactly(issued.get(0));
		assertThat(second.get(0).get("personEmail").asString()).isEqualTo(holders.get(0).email());
		asAdmin.get().uri("/api/v1/hours/expiring?size=501").exchange().expectStatus().isEqualTo(422)
			.expectHeader().contentType("application/problem+json");
	}

	private String awaitAssertion(String awardId) throws InterruptedException {
		for (int i = 0; i < 2400; i++) {
			String assertionId = awards.findById(awardId).block().assertionId();
			if (assertionId != null) {
				return assertionId;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("award " + awardId + " was not issued");
	}

	private List<JsonNode> reminders(WebTestClient asTeacher) {
		JsonNode all = json.readTree(asTeacher.get().uri("/api/v1/notifications").exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
		return all.valueStream().filter(n -> n.get("kind").asString().equals("BADGE_EXPIRING")).toList();
	}

	private String issue(Person teacher, Template template) throws InterruptedException {
		Award award = awards.save(new Award(null, "expiry-test:" + UUID.randomUUID(), teacher.districtId(),
				teacher.id(), "enrol-" + UUID.randomUUID(), template.id(), "tier-1", 0, Instant.now(), List.of(), null,
				null)).block();
		events.publishEvent(new AwardGranted(award.id()));
		for (int i = 0; i < 2400; i++) {
			String assertionId = awards.findById(award.id()).block().assertionId();
			if (assertionId != null) {
				return assertionId;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("award " + award.id() + " was not issued");
	}

}
