package org.cairn.issuing;

import java.time.Clock;
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
	Clock clock;

	@Test
	void aJobInterruptedByAWorkerDyingResumesWhenTheLeaseRunsOutAndAwardsNobodyTwice() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		String badgeClassId = badgeClass(admin, template, null);

		String csv = "email,name\n" + teacher.email().toUpperCase() + ",\n"
				+ IntStream.range(0, 249).mapToObj(i -> "guest" + i + "@outside.example.org,Guest " + i)
					.collect(Collectors.joining("\n"))
				+ "\nguest3@outside.example.org,Guest 3 again\n";
		JsonNode job = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
			.expectStatus().isAccepted().expectBody().returnResult().getResponseBody());
		String jobId = job.get("id").asString();
		assertThat(job.get("total").asInt()).as("repeated emails count once").isEqualTo(250);

		// worker A claims a chunk, issues some of it, and dies holding the lease
		BulkChunk held = bulk.claim("worker-a").block().orElseThrow();
		assertThat(held.jobId()).isEqualTo(jobId);
		BadgeClassRecord badge = mongo.findById(badgeClassId, BadgeClassRecord.class).block();
		for (BulkAwards.Row row : held.recipients().subList(0, 10)) {
			String key = BulkAwards.awardKey(badgeClassId, row.email());
			Person known = people.findByEmail(row.email()).block();
			issuance.issue(new Issuance.IssueRequest(key, district.id(), BulkAwards.awardId(key),
					new Recipient(row.email(), row.name(), known == null ? null : known.id()), badge, 0, null)).block();
		}

		// other workers (this instance's poller, another instance) finish everything else, but not the held chunk
		BulkAwards otherInstance = new BulkAwards(mongo, issuance, clock, 4);
		otherInstance.drain("worker-b").block();
		await(() -> progress(admin, jobId).get("done").asInt() == 250 - held.recipients().size());
		assertThat(bulk.claim("worker-b").block()).as("a live lease is respected").isEmpty();
		JsonNode progress = progress(admin, jobId);
		assertThat(progress.get("status").asString()).isEqualTo("RUNNING");
		assertThat(progress.get("failed").asInt()).isZero();

		// after a restart, once the lease has run out, the held chunk is taken over and finished
		BulkAwards restarted = new BulkAwards(mongo, issuance, Clock.offset(clock, BulkAwards.LEASE.plusMinutes(1)), 4);
		assertThat(restarted.drain("worker-c").block()).isEqualTo(1);
		progress = progress(admin, jobId);
		assertThat(progress.get("done").asInt()).isEqualTo(250);
		assertThat(progress.get("failed").asInt()).isZero();
		assertThat(progress.get("status").asString()).isEqualTo("DONE");
		assertThat(progress.get("finishedAt").isNull()).isFalse();

		// worker A wakes up and finishes its stale claim: counted once, nothing issued twice
		assertThat(bulk.process(held).block()).as("a lost lease cannot close the chunk").isFalse();
		assertThat(progress(admin, jobId).get("done").asInt()).isEqualTo(250);

		List<IssuedAssertion> issued = mongo.find(Query.query(Criteria.where("badgeClassId").is(badgeClassId)),
				IssuedAssertion.class).collectList().block();
		assertThat(issued).hasSize(250);
		assertThat(issued.stream().map(IssuedAssertion::recipientEmail).distinct()).hasSize(250);
		assertThat(issued.stream().filter(a -> teacher.id().equals(a.personId()))).hasSize(1);
		assertThat(issued.stream().filter(a -> "guest3@outside.example.org".equals(a.recipientEmail())).findFirst()
			.orElseThrow().recipientName()).isEqualTo("Guest 3");
		assertThat(mongo.count(Query.query(Criteria.where("awardKey").regex("^bulk:" + badgeClassId + ":")),
				org.cairn.award.Award.class).block()).isEqualTo(250);

		// the same people again through the API: a new job, still one award per person and badge
		String again = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("recipients", List.of(Map.of("email", teacher.email(), "name", "T"),
					Map.of("email", "guest7@outside.example.org")))).exchange()
			.expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
		otherInstance.drain("worker-d").block();
		await(() -> progress(admin, again).get("status").asString().equals("DONE"));
		assertThat(progress(admin, again).get("done").asInt()).isEqualTo(2);
		assertThat(mongo.count(Query.query(Criteria.where("badgeClassId").is(badgeClassId)), IssuedAssertion.class)
			.block()).isEqualTo(250);
		data.as(admin).get().uri("/api/v1/bulk-awards/{id}/failures", again).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(0);
		data.as(teacher).get().uri("/api/v1/me/badges").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(1);
	}

	private JsonNode progress(Person admin, String jobId) {
		return json.readTree(data.as(admin).get().uri("/api/v1/bulk-awards/{id}", jobId).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (condition.getAsBoolean()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("condition not met");
	}

	@Test
	void recipientsThatCannotBeAwardedAreCountedAsFailedAndListedWithTheReason() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Template template = fixtures.template(district, null);
		String badgeClassId = badgeClass(admin, template, null);
		String jobId = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue("a@outside.example.org\nb@outside.example.org\n")
			.exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
		// the template disappears before the job runs: no assertion can be built
		mongo.remove(Query.query(Criteria.where("_id").is(template.id())), Template.class).block();

		new BulkAwards(mongo, issuance, clock, 4).drain("worker-f").block();

		JsonNode progress = progress(admin, jobId);
		assertThat(progress.get("status").asString()).isEqualTo("DONE");
		assertThat(progress.get("done").asInt()).isZero();
		assertThat(progress.get("failed").asInt()).isEqualTo(2);
		assertThat(progress.get("processed").asInt()).isEqualTo(2);
		JsonNode failures = json.readTree(data.as(admin).get().uri("/api/v1/bulk-awards/{id}/failures", jobId)
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(failures).hasSize(2);
		assertThat(failures.get(0).get("email").asString()).isEqualTo("a@outside.example.org");
		assertThat(failures.get(0).get("error").asString()).isEqualTo("IllegalStateException");
		assertThat(mongo.count(Query.query(Criteria.where("badgeClassId").is(badgeClassId)), IssuedAssertion.class)
			.block()).isZero();
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
		data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"recipients\":[{\"email\":\"a@b.org\",\"nmae\":\"A\"}]}")
			.exchange().expectStatus().isBadRequest();
		data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isEqualTo(422);
		String jobId = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue("a@b.org,A\n").exchange()
			.expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
		data.as(otherAdmin).get().uri("/api/v1/bulk-awards/{id}", jobId).exchange().expectStatus().isNotFound();
		data.as(teacher).get().uri("/api/v1/bulk-awards/{id}", jobId).exchange().expectStatus().isForbidden();
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
