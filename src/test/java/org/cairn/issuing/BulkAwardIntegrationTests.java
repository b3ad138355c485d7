package org.cairn.issuing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@Import(IssuingFixtures.class)
class BulkAwardIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	BulkAwards bulk;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Issuance issuance;

	@Autowired
	org.cairn.account.PersonRepository people;

	@Autowired
	java.time.Clock clock;

	@Test
	void anInterruptedJobResumesWithAnotherWorkerAndAwardsNobodyTwice() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		String badgeClassId = badgeClass(admin, template, null);

		String csv = "email,name\n" + teacher.email().toUpperCase() + ",\n"
				+ IntStream.range(0, 29).mapToObj(i -> "guest" + i + "@outside.example.org,Guest " + i)
					.collect(Collectors.joining("\n"))
				+ "\nguest3@outside.example.org,Guest 3 again\n";
		JsonNode job = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
			.expectStatus().isAccepted().expectBody().returnResult().getResponseBody());
		String jobId = job.get("id").asString();
		assertThat(job.get("total").asInt()).as("repeated emails count once").isEqualTo(30);

		// worker A processes ten, then dies holding ten more (leased, never finished)
		assertThat(bulk.processBatch("worker-a", 10).block()).isEqualTo(10);
		List<BulkItem> abandoned = bulk.lease("worker-a", 10).collectList().block();
		assertThat(abandoned).hasSize(10);
		// one of them even got its assertion issued before the crash
		BulkItem halfDone = abandoned.get(0);
		BadgeClassRecord badge = mongo.findById(badgeClassId, BadgeClassRecord.class).block();
		issuance.issue(new Issuance.IssueRequest("bulk:" + badgeClassId + ":" + halfDone.email(), district.id(),
				BulkAwards.awardId("bulk:" + badgeClassId + ":" + halfDone.email()),
				new Recipient(halfDone.email(), halfDone.name(), null), badge, 0, null)).block();
		// expire worker A's leases, as time would
		mongo.updateMulti(Query.query(Criteria.where("jobId").is(jobId).and("claimedBy").regex("^worker-a")),
				new Update().set("claimedUntil", java.time.Instant.EPOCH), BulkItem.class).block();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(halfDone.id())),
				new Update().set("claimedUntil", java.time.Instant.EPOCH), BulkItem.class).block();

		JsonNode progress = json.readTree(data.as(admin).get().uri("/api/v1/bulk-awards/{id}", jobId).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(progress.get("processed").asInt()).isEqualTo(10);
		assertThat(progress.get("status").asString()).isEqualTo("RUNNING");

		// a new worker (another instance, after restart) finishes the job
		BulkAwards restarted = new BulkAwards(mongo, people, issuance, clock);
		while (restarted.processBatch("worker-b", 7).block() > 0) {
			// drain
		}
		progress = json.readTree(data.as(admin).get().uri("/api/v1/bulk-awards/{id}", jobId).exchange()
			.expectBody().returnResult().getResponseBody());
		assertThat(progress.get("processed").asInt()).isEqualTo(30);
		assertThat(progress.get("failed").asInt()).isZero();
		assertThat(progress.get("status").asString()).isEqualTo("DONE");

		List<IssuedAssertion> issued = mongo.find(Query.query(Criteria.where("badgeClassId").is(badgeClassId)),
				IssuedAssertion.class).collectList().block();
		assertThat(issued).hasSize(30);
		assertThat(issued.stream().map(IssuedAssertion::recipientEmail).distinct()).hasSize(30);
		assertThat(issued.stream().filter(a -> teacher.id().equals(a.personId()))).hasSize(1);
		assertThat(mongo.count(Query.query(Criteria.where("awardKey").regex("^bulk:" + badgeClassId + ":")),
				org.cairn.award.Award.class).block()).isEqualTo(30);

		// the same list again: a new job, and still one award per person and badge
		String again = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("recipients", List.of(Map.of("email", teacher.email(), "name", "T")))).exchange()
			.expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
		while (bulk.processBatch("worker-c", 50).block() > 0) {
			// drain
		}
		assertThat(mongo.count(Query.query(Criteria.where("badgeClassId").is(badgeClassId)), IssuedAssertion.class)
			.block()).isEqualTo(30);
		assertThat(bulk.find(district.id(), again).block().status()).isEqualTo(BulkJob.Status.DONE);
	}

	@Test
	void rejectsInvalidRowsAndOtherDistrictsBadgesAndNonAdmins() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		String badgeClassId = badgeClass(admin, fixtures.template(district, null), null);
		data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue("a@b.org,A\nnot-an-email,B\n").exchange()
			.expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("recipients[1].email");
		data.as(teacher).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue("a@b.org,A\n").exchange()
			.expectStatus().isForbidden();
		Person otherAdmin = data.person(data.district(), Role.DISTRICT_ADMIN);
		data.as(otherAdmin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue("a@b.org,A\n").exchange()
			.expectStatus().isNotFound();
	}

	private String badgeClass(Person admin, Template template, String tierKey) {
		JsonNode classes = json.readTree(data.as(admin).get().uri("/api/v1/templates/{id}/badge-classes", template.id())
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		for (JsonNode c : classes) {
			if (tierKey == null ? c.get("tierKey") == null || c.get("tierKey").isNull()
					: tierKey.equals(c.get("tierKey").asString())) {
				return c.get("id").asString();
			}
		}
		throw new AssertionError("no badge class");
	}

}
