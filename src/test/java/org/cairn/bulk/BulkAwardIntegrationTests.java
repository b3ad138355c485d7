package org.cairn.bulk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.issuing.AwardMail;
import org.cairn.issuing.BadgeClassRecord;
import org.cairn.issuing.Issuance;
import org.cairn.issuing.IssuedAssertion;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.issuing.Recipient;
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

	/** Another instance's settings: four recipients at a time; its poll never runs here (the test drains). */
	private static final BulkProperties BULK = new BulkProperties(4, Duration.ofHours(1), 1);

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
	org.cairn.issuing.Issuers issuers;

	@Autowired
	org.cairn.account.PersonChanges personChanges;

	@Autowired
	org.cairn.award.Awards awards;

	@Autowired
	org.cairn.account.PersonRepository people;

	@Autowired
	Clock clock;

	@Autowired
	AwardMail awardMail;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.cairn.system.CairnProperties cairn;

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
			issuance.issue(new Issuance.IssueRequest(key, district.id(), BulkAwards.newAwardId(),
					new Recipient(row.email(), row.name(), known == null ? null : known.id()), badge, 0, null)).block();
		}

		// other workers (this instance's poller, another instance) finish everything else, but not the held chunk
		BulkAwards otherInstance = new BulkAwards(mongo, issuers, personChanges, awards, issuance, awardMail,
				clock, BULK, events);
		otherInstance.drain("worker-b").block();
		await(() -> progress(admin, jobId).get("done").asInt() == 250 - held.recipients().size());
		assertThat(bulk.claim("worker-b").block()).as("a live lease is respected").isEmpty();
		JsonNode progress = progress(admin, jobId);
		assertThat(progress.get("status").asString()).isEqualTo("RUNNING");
		assertThat(progress.get("failed").asInt()).isZero();

		// after a restart, once the lease has run out, the held chunk is taken over and finished
		BulkAwards restarted = new BulkAwards(mongo, issuers, personChanges, awards, issuance, awardMail,
				Clock.offset(clock, BulkAwards.LEASE.plusMinutes(1)), BULK, events);
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
		// the awards of the ten issued before worker A died are recorded under the award id their assertions name
		// (a later run chooses new award ids), and every award and its assertion name each other
		Map<String, IssuedAssertion> byAward = issued.stream()
			.collect(Collectors.toMap(IssuedAssertion::awardId, a -> a));
		List<org.cairn.award.Award> recorded = mongo.find(Query.query(Criteria.where("awardKey")
			.regex("^bulk:" + badgeClassId + ":")), org.cairn.award.Award.class).collectList().block();
		assertThat(recorded).allSatisfy(award -> {
			assertThat(byAward).containsKey(award.id());
			assertThat(award.assertionId()).isEqualTo(byAward.get(award.id()).id());
		});

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

		new BulkAwards(mongo, issuers, personChanges, awards, issuance, awardMail, clock, BULK, events).drain("worker-f")
			.block();

		JsonNode progress = progress(admin, jobId);
		assertThat(progress.get("status").asString()).isEqualTo("DONE");
		assertThat(progress.get("done").asInt()).isZero();
		assertThat(progress.get("failed").asInt()).isEqualTo(2);
		assertThat(progress.get("processed").asInt()).isEqualTo(2);
		JsonNode failures = json.readTree(data.as(admin).get().uri("/api/v1/bulk-awards/{id}/failures", jobId)
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(failures).hasSize(2);
		assertThat(failures.get(0).get("email").asString()).isEqualTo("a@outside.example.org");
		assertThat(failures.get(0).get("error").asString())
			.as("the admin reads words, not a Java class name")
			.isEqualTo("Could not be awarded: the badge or the district's signing key is no longer available.");
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
			.expectStatus().isEqualTo(422).expectBody().jsonPath("$.rows[0].row").isEqualTo(2)
			.jsonPath("$.rows[0].message").isEqualTo("\"not-an-email\" is not an email address.");
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

	@Test
	void theOpenBadges3CredentialsOfABulkAwardTrailTheJobAndAreAllIssuedWithoutBeingAskedFor() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Template template = fixtures.template(district, null);
		String badgeClassId = badgeClass(admin, template, null);
		String csv = IntStream.range(0, 3).mapToObj(i -> "ob3-" + i + "." + district.slug() + "@outside.example.org")
			.collect(Collectors.joining("\n", "email\n", "\n"));
		String jobId = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
			.expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
		bulk.drain("worker-ob3").block();
		assertThat(progress(admin, jobId).get("done").asInt()).isEqualTo(3);
		List<String> ids = mongo.find(Query.query(Criteria.where("badgeClassId").is(badgeClassId)), IssuedAssertion.class)
			.map(IssuedAssertion::id).collectList().block();
		assertThat(ids).hasSize(3);

		// nobody asks for them here: the queue behind the job issues them once no chunk has stored assertions for a
		// moment (one at a time, so on a busy shared machine this takes a while)
		for (int i = 0; i < 1200 && credentials(ids) < 3; i++) {
			Thread.sleep(100);
		}
		assertThat(credentials(ids)).as("every bulk award's 3.0 credential, issued after the job").isEqualTo(3);
	}

	private long credentials(List<String> assertionIds) {
		return mongo.count(Query.query(Criteria.where("_id").in(assertionIds)), "credentials_ob3").block();
	}

	@Test
	void aSpreadsheetWithABadRowIsRefusedNamingTheRowAndTheFixedListMailsEachRecipientOnce() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Template template = fixtures.template(district, null);
		String badgeClassId = badgeClass(admin, template, null);
		String tag = district.slug();
		String first = "ana." + tag + "@outside.example.org";
		String second = "bo." + tag + "@outside.example.org";
		// as Excel saves it: a byte order mark, CRLF, a header in its own words, a quoted name with a comma
		String bad = "\uFEFFName,Email Address\r\n\"Lopez, Ana\",\"" + first + "\"\r\n\r\nBo Chen,bo chen at school\r\n";
		data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue(bad).exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("Row 4: \"bo chen at school\" is not an email address."
					+ " Nobody was awarded; fix the list and upload it again.")
			.jsonPath("$.rows.length()").isEqualTo(1)
			.jsonPath("$.rows[0].row").isEqualTo(4);
		assertThat(mongo.count(Query.query(Criteria.where("badgeClassId").is(badgeClassId)), BulkJob.class).block())
			.as("nothing was started").isZero();

		String fixed = bad.replace("bo chen at school", second);
		for (int attempt = 0; attempt < 2; attempt++) {
			String jobId = json.readTree(data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
				.contentType(MediaType.parseMediaType("text/csv")).bodyValue(fixed).exchange()
				.expectStatus().isAccepted().expectBody().returnResult().getResponseBody()).get("id").asString();
			bulk.drain("worker-mail").block();
			assertThat(progress(admin, jobId).get("status").asString()).isEqualTo("DONE");
			assertThat(progress(admin, jobId).get("done").asInt()).isEqualTo(2);
		}

		org.cairn.people.MailLinks outbox = new org.cairn.people.MailLinks(cairn.dataDir());
		await(() -> outbox.messages(first).size() == 1 && outbox.messages(second).size() == 1);
		Thread.sleep(300);
		assertThat(outbox.messages(first)).as("uploading the list again mails nobody twice").hasSize(1);
		org.cairn.people.MailLinks.Mail mail = outbox.messages(first).get(0);
		IssuedAssertion ana = mongo.findOne(Query.query(Criteria.where("badgeClassId").is(badgeClassId)
			.and("recipientEmail").is(first)), IssuedAssertion.class).block();
		assertThat(ana.recipientName()).isEqualTo("Lopez, Ana");
		assertThat(mail.subject()).isEqualTo("You earned \"" + template.title() + "\" from " + district.name());
		assertThat(mail.text()).contains("Hello Lopez, Ana,")
			.contains("https://cairn.test/public/assertions/" + ana.id())
			.contains("https://cairn.test/public/assertions/" + ana.id() + "/certificate.pdf");
		// the link in the mail opens the badge
		http.get().uri("/public/assertions/{id}", ana.id()).exchange().expectStatus().isOk();
	}

	@Test
	void unreadableFilesAreExplainedInWordsNamingTheRow() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		String badgeClassId = badgeClass(admin, fixtures.template(district, null), null);
		data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue("Name,Email\n\"Ana,a@b.org\n").exchange()
			.expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("Row 2 opens a quotation mark that is never closed.");
		data.as(admin).post().uri("/api/v1/badges/{id}/bulk-awards", badgeClassId)
			.contentType(MediaType.parseMediaType("text/csv")).bodyValue("Name,Mail\nAna,a@b.org\n").exchange()
			.expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("The first row names the columns but none is called \"email\".");
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
