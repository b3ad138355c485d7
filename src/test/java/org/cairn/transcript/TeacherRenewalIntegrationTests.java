package org.cairn.transcript;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.AwardRepository;
import org.cairn.award.Awards;
import org.cairn.district.District;
import org.cairn.earning.EarningTest;
import org.cairn.enrollment.Enrollments;
import org.cairn.issuing.BadgeRecords;
import org.cairn.template.RenewalPath;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.Template;
import org.cairn.template.TemplateCatalog;
import org.cairn.template.Tier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher renews their own badge through its template's renewal tier (issue 17): refused while the badge is far
 * from expiry, started once the clock is moved into the district's window (as another instance running at that time
 * would), then the ordinary evidence, submission and review by an assessor; passing issues the badge again with a
 * full validity counted from the renewal, linked to the old one, crediting no hours twice, and the new badge
 * verifies with a later expiry.
 */
class TeacherRenewalIntegrationTests extends EarningTest {

	@Autowired
	AwardRepository awardRepository;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	@Autowired
	BadgeRecords badges;

	@Autowired
	TemplateCatalog templates;

	@Autowired
	Enrollments enrollments;

	@Autowired
	Awards awards;

	@Autowired
	Credits credits;

	@Autowired
	Clock clock;

	private TeacherRenewals at(Instant when) {
		return new TeacherRenewals(badges, templates, enrollments, awards, credits, mongo,
				Clock.fixed(when, clock.getZone()));
	}

	static Template withRenewalTier(District district) {
		Template t = TranscriptIntegrationTests.template(district);
		RubricCriterion current = new RubricCriterion("current", "Practice is current",
				List.of("Not evident", "Evident in this year's teaching"));
		Requirement update = new Requirement("update", RequirementKind.REFLECTION, "What changed",
				"Describe how you use formative data this year.", 10, 400, null, null, null, null, null,
				List.of(current), null);
		RenewalPath renewal = new RenewalPath(RenewalPath.Kind.TIER,
				new Tier("anything", "Renewal", "Show your practice is current.", List.of(), false, 0, null, 2, null,
						List.of(update)));
		return new Template(t.id(), t.districtId(), t.familyId(), t.version(), t.status(), t.title(), t.summary(),
				t.criteria(), t.artwork(), t.tags(), t.alignments(), t.validFor(), t.scale(), t.proposalRequired(),
				t.tiers(), t.libraryKey(), t.createdAt(), t.publishedAt(), t.revision(), renewal);
	}

	@Test
	void aTeacherRenewsTheirBadgeThroughItsRenewalTierAndTheNewBadgeVerifiesWithALaterExpiry() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Person assessor = data.person(district, Role.ASSESSOR);
		WebTestClient asAdmin = data.as(admin);
		WebTestClient asTeacher = data.as(teacher);
		asAdmin.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", true))
			.exchange().expectStatus().isOk();
		Template template = mongo.insert(withRenewalTier(district)).block();
		String old = issue(teacher, template, "tier-1");
		JsonNode oldAssertion = json.readTree(mongo.findById(old, org.bson.Document.class, "issuing_assertions")
			.block().getString("document"));
		Instant expires = Instant.parse(oldAssertion.get("expires").asString());
		Instant issuedAt = Instant.parse(oldAssertion.get("issuedOn").asString());

		// today (three years before expiry) the renewal is not open yet: it opens 60 days before
		JsonNode refused = json.readTree(asTeacher.post().uri("/api/v1/me/renewals/" + old).exchange()
			.expectStatus().isEqualTo(409).expectBody().returnResult().getResponseBody());
		assertThat(refused.get("type").asString()).endsWith("renewal-not-open");
		assertThat(Instant.parse(refused.get("opensOn").asString())).isEqualTo(expires.minus(Duration.ofDays(60)));
		JsonNode view = get(asTeacher, "/api/v1/me/renewals/" + old);
		assertThat(view.get("open").asBoolean()).isFalse();
		assertThat(view.get("path").asString()).isEqualTo("TIER");
		assertThat(view.get("tierTitle").asString()).isEqualTo("Renewal");
		// nobody else renews (or sees) another teacher's badge
		data.as(teacher(district)).post().uri("/api/v1/me/renewals/" + old).exchange().expectStatus().isNotFound();
		data.as(data.person(data.district(), Role.TEACHER)).get().uri("/api/v1/me/renewals/" + old).exchange()
			.expectStatus().isNotFound();

		// 20 days before expiry the teacher starts it (a double click is the same renewal)
		CairnUser me = new CairnUser(teacher.id(), teacher.districtId(), teacher.email(), teacher.displayName(),
				teacher.roles(), false, false);
		TeacherRenewals.Started started = at(expires.minus(Duration.ofDays(20))).start(me, old).block();
		assertThat(started.created()).isTrue();
		JsonNode again = json.readTree(asTeacher.post().uri("/api/v1/me/renewals/" + old).exchange().expectStatus()
			.isOk().expectBody().returnResult().getResponseBody());
		assertThat(again.get("enrollmentId").asString()).isEqualTo(started.enrollmentId());
		String enrollmentId = started.enrollmentId();
		JsonNode enrollment = get(asTeacher, "/api/v1/enrollments/" + enrollmentId);
		assertThat(enrollment.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(enrollment.get("renewal").get("assertionId").asString()).isEqualTo(old);

		// the ordinary tiers are not part of a renewal, and the renewal tier is no part of an ordinary enrolment
		reflect(asTeacher, enrollmentId, "tier-1", "r1", words(20)).expectStatus().isNotFound();
		reflect(asTeacher, enrollmentId, "renewal", "update", words(40)).expectStatus().isOk();
		Map<String, Object> submission = submitted(asTeacher, enrollmentId, "renewal");
		assertThat(submission.get("assessorId")).isEqualTo(assessor.id());
		String submissionId = (String) submission.get("id");
		Tier renewalTier = template.renewal().tier();
		decide(asTeacher, submissionId, decision(renewalTier, 1, "PASS", 1)).expectStatus().isForbidden();
		// the new badge must be issued in a later second than the old one for its expiry to be later
		long wait = issuedAt.plusMillis(1100).toEpochMilli() - System.currentTimeMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
		decide(data.as(assessor), submissionId, decision(renewalTier, 1, "PASS", 1)).expectStatus().isOk();

		String renewal = awaitRenewal(asTeacher, old);
		JsonNode hours = get(asTeacher, "/api/v1/me/hours");
		JsonNode oldView = byId(hours.get("badges"), old);
		JsonNode newView = byId(hours.get("badges"), renewal);
		assertThat(oldView.get("renewed").asBoolean()).isTrue();
		assertThat(newView.get("renews").asString()).isEqualTo(old);
		assertThat(newView.get("credits").asDouble()).as("a renewal credits no hours twice").isZero();
		assertThat(hours.get("years").get(0).get("credits").asDouble()).isEqualTo(7.5);
		assertThat(newView.get("name").asString()).isEqualTo(oldView.get("name").asString());
		assertThat(Instant.parse(newView.get("expires").asString())).isAfter(expires);
		assertThat(get(asTeacher, "/api/v1/me/renewals/" + old).get("renewedBy").asString()).isEqualTo(renewal);
		asTeacher.post().uri("/api/v1/me/renewals/" + renewal).exchange().expectStatus().isEqualTo(409);

		// the renewed badge verifies, with its later expiry, by code that did not sign it
		String jws = mongo.findById(renewal, org.bson.Document.class, "issuing_assertions").block().getString("jws");
		JsonNode report = json.readTree(http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("jws", jws, "recipient", teacher.email())).exchange().expectStatus().isOk()
			.expectBody().returnResult().getResponseBody());
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(Instant.parse(report.get("assertion").get("expires").asString())).isAfter(expires);
		// its 2.0 assertion says which badge it renews (Cairn's extension, inside what is signed), with the context
		// and schema the extension names served publicly
		JsonNode assertion = json.readTree(http.get().uri("/public/assertions/" + renewal)
			.header("Accept", "application/ld+json").exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody());
		JsonNode extension = assertion.get("extensions:CairnRenewalExtension");
		assertThat(extension.get("renews").asString()).isEqualTo("https://cairn.test/public/assertions/" + old);
		assertThat(extension.get("type").valueStream().map(JsonNode::asString))
			.containsExactly("Extension", "extensions:CairnRenewalExtension");
		String contextUrl = extension.get("@context").asString();
		assertThat(contextUrl).isEqualTo("https://cairn.test/public/extensions/cairn-renewal/context.json");
		JsonNode context = json.readTree(http.get().uri(contextUrl.substring("https://cairn.test".length()))
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(context.get("@context").get("renews").get("@type").asString()).isEqualTo("@id");
		String schemaUrl = context.get("obi:validation").get(0).get("obi:validationSchema").asString();
		JsonNode schema = json.readTree(http.get().uri(schemaUrl.substring("https://cairn.test".length())).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(schema.get("required").get(0).asString()).isEqualTo("renews");
		assertThat(json.readTree(new String(java.util.Base64.getUrlDecoder().decode(jws.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8)).has("extensions:CairnRenewalExtension"))
			.as("the link is signed").isTrue();
		assertThat(json.readTree(mongo.findById(old, org.bson.Document.class, "issuing_assertions").block()
			.getString("document")).has("extensions:CairnRenewalExtension")).isFalse();

		// its 3.0 credential names the renewed credential with that credential's digest, covered by its proof
		byte[] oldCredential = http.get().uri("/public/credentials/" + old).header("Accept", "application/ld+json")
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
		String credential = new String(http.get().uri("/public/credentials/" + renewal)
			.header("Accept", "application/ld+json").exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		JsonNode related = json.readTree(credential).get("relatedResource").get(0);
		assertThat(related.get("id").asString()).isEqualTo("https://cairn.test/public/credentials/" + old);
		assertThat(related.get("digestSRI").asString()).isEqualTo("sha384-" + java.util.Base64.getEncoder()
			.encodeToString(java.security.MessageDigest.getInstance("SHA-384").digest(oldCredential)));
		JsonNode credentialReport = json.readTree(http.post().uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("assertion", credential)).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(credentialReport.get("valid").asBoolean()).as(credentialReport.toString()).isTrue();
		String otherOld = credential.replace("/public/credentials/" + old, "/public/credentials/" + renewal);
		JsonNode forged = json.readTree(http.post().uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("assertion", otherOld)).exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody());
		assertThat(forged.get("valid").asBoolean()).as("the renewal link cannot be changed").isFalse();

		// the renewal enrolment completed and paid nothing
		assertThat(get(asTeacher, "/api/v1/enrollments/" + enrollmentId).get("state").asString())
			.isEqualTo("COMPLETED");
	}

	private static String words(int n) {
		List<String> w = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			w.add("word" + i);
		}
		return String.join(" ", w);
	}

	private String awaitRenewal(WebTestClient asTeacher, String old) throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			JsonNode view = get(asTeacher, "/api/v1/me/renewals/" + old);
			if (view.hasNonNull("renewedBy")) {
				return view.get("renewedBy").asString();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the renewal of " + old + " was not issued");
	}

	private JsonNode get(WebTestClient client, String uri) {
		return json.readTree(client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
			.getResponseBody());
	}

	private static JsonNode byId(JsonNode badges, String id) {
		return badges.valueStream().filter(b -> b.get("assertionId").asString().equals(id)).findFirst().orElseThrow();
	}

	private String issue(Person teacher, Template template, String tierKey) throws InterruptedException {
		return TierBadges.issue(awardRepository, events, "renewal-test", teacher, template, tierKey);
	}

}
