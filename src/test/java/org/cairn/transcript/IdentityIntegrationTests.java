package org.cairn.transcript;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.people.MailLinks;
import org.cairn.support.IntegrationTest;
import org.cairn.support.TestData;
import org.cairn.system.CairnProperties;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17, identity that follows the teacher, through the real service (embedded store, outbox mail, real
 * signatures, the verification endpoint): a personal address verified by the link mailed to it, a badge re-issued
 * to it and verified with it, hours counting the badge once, the teacher leaving the district and signing in with
 * that address read-only, and an administrator changing a district email without breaking a badge.
 */
class IdentityIntegrationTests extends IntegrationTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	AwardRepository awards;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	@Autowired
	CairnProperties cairn;

	@Test
	void aBadgeReissuedToAVerifiedPersonalAddressVerifiesWithItAndStaysAfterTheTeacherLeaves() throws Exception {
		MailLinks mail = new MailLinks(cairn.dataDir());
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient asAdmin = data.as(admin);
		WebTestClient asTeacher = data.as(teacher);
		asAdmin.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", true))
			.exchange().expectStatus().isOk();
		Template template = mongo.insert(TranscriptIntegrationTests.template(district)).block();
		String first = issue(teacher, template, "tier-1");
		String personal = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@home.example.org";

		// the teacher adds a personal address: pending until the link mailed to it is opened
		JsonNode added = body(asTeacher.post().uri("/api/v1/me/addresses").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal.toUpperCase())).exchange().expectStatus().isAccepted());
		assertThat(state(added, personal)).isEqualTo("PENDING");
		asTeacher.post().uri("/api/v1/me/badges/" + first + "/reissue").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal)).exchange().expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:not-your-address");
		String token = mail.onlyToken(personal, "/verify-address/");
		assertThat(mail.messages(personal).get(0).subject()).isEqualTo("Verify your address for Cairn");
		JsonNode shown = body(http.get().uri("/api/v1/address-verifications/" + token).exchange().expectStatus().isOk());
		assertThat(shown.get("email").asString()).isEqualTo(personal);
		assertThat(shown.get("done").asBoolean()).isFalse();
		for (int attempt = 0; attempt < 2; attempt++) {
			// opening it twice (a double click, a reload) is one verification
			JsonNode confirmed = body(http.post().uri("/api/v1/address-verifications/" + token).exchange()
				.expectStatus().isOk());
			assertThat(confirmed.get("done").asBoolean()).isTrue();
		}
		assertThat(body(http.get().uri("/api/v1/address-verifications/" + token).exchange().expectStatus().isOk())
			.get("done").asBoolean()).isTrue();
		assertThat(state(body(asTeacher.get().uri("/api/v1/me/addresses").exchange().expectStatus().isOk()), personal))
			.isEqualTo("VERIFIED");

		// someone else (another district) cannot claim the verified address; adding it reveals nothing
		District other = data.district();
		Person stranger = data.person(other, Role.TEACHER);
		data.as(stranger).post().uri("/api/v1/me/addresses").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal)).exchange().expectStatus().isAccepted();
		String strangersToken = mail.tokens(personal, "/verify-address/").stream().filter(t -> !t.equals(token))
			.findFirst().orElseThrow();
		http.post().uri("/api/v1/address-verifications/" + strangersToken).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:address-in-use");
		// nor invite it as a district email, in either district, nor import it in a roster
		for (Person inviter : List.of(admin, data.person(other, Role.DISTRICT_ADMIN))) {
			data.as(inviter).post().uri("/api/v1/people").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", personal, "roles", List.of("TEACHER"))).exchange().expectStatus()
				.isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:email-unavailable");
		}
		asAdmin.post().uri("/api/v1/people/import").contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("email\n" + personal + "\n").exchange().expectStatus().isEqualTo(422);
		// nor re-issue the teacher's badge
		data.as(stranger).post().uri("/api/v1/me/badges/" + first + "/reissue").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", stranger.email())).exchange().expectStatus().isNotFound();

		// re-issue to the personal address: a new badge; retrying answers the same one
		JsonNode reissued = body(asTeacher.post().uri("/api/v1/me/badges/" + first + "/reissue")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", personal)).exchange()
			.expectStatus().isCreated());
		String second = reissued.get("id").asString();
		assertThat(second).isNotEqualTo(first);
		assertThat(reissued.get("recipientEmail").asString()).isEqualTo(personal);
		assertThat(reissued.get("replaces").asString()).isEqualTo(first);
		assertThat(body(asTeacher.post().uri("/api/v1/me/badges/" + first + "/reissue")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", personal)).exchange()
			.expectStatus().isCreated()).get("id").asString()).isEqualTo(second);
		asTeacher.post().uri("/api/v1/me/badges/" + first + "/reissue").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", teacher.email())).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:already-reissued")
			.jsonPath("$.reissuedAs").isEqualTo(second);

		// the old one: revoked as "reissued", pointing at the new one; the new one links back
		String firstUrl = "https://cairn.test/public/assertions/" + first;
		String secondUrl = "https://cairn.test/public/assertions/" + second;
		JsonNode gone = body(http.get().uri("/public/assertions/" + first).exchange().expectStatus().isEqualTo(410));
		assertThat(gone.get("revoked").asBoolean()).isTrue();
		assertThat(gone.get("revocationReason").asString()).isEqualTo("reissued");
		JsonNode extension = gone.get("extensions:ReissueExtension");
		assertThat(extension.get("reissuedAs").asString()).isEqualTo(secondUrl);
		http.get().uri(java.net.URI.create(extension.get("@context").asString()).getPath()).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$['@context'].reissuedAs['@type']").isEqualTo("@id");
		String oldPage = http.get().uri("/public/assertions/" + first).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(410).expectBody(String.class).returnResult().getResponseBody();
		assertThat(oldPage).contains("Revoked: reissued", "href=\"" + secondUrl + "\"");
		JsonNode fresh = body(http.get().uri("/public/assertions/" + second).exchange().expectStatus().isOk());
		assertThat(fresh.get("narrative").asString()).contains(firstUrl);
		assertThat(http.get().uri("/public/assertions/" + second).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.contains("Awarded to", "href=\"" + firstUrl + "\"");

		// the public verifier: the new badge matches the personal address, not the district one
		String jws = reissued.get("jws").asString();
		assertThat(verify(jws, personal).get("valid").asBoolean()).isTrue();
		assertThat(verify(jws, personal).get("recipient").get("matched").asBoolean()).isTrue();
		assertThat(verify(jws, teacher.email()).get("recipient").get("matched").asBoolean()).isFalse();
		// its Open Badges 3.0 credential came through the ordinary issuing path; the old one's is withdrawn
		await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/public/credentials/" + second).exchange()
			.returnResult(String.class).getStatus().value() == 200);
		http.get().uri("/public/credentials/" + first).exchange().expectStatus().isEqualTo(410);

		// hours count the badge once, in the year it was first issued
		JsonNode hours = body(asTeacher.get().uri("/api/v1/me/hours").exchange().expectStatus().isOk());
		assertThat(hours.get("years").get(0).get("badges").asInt()).isEqualTo(1);
		assertThat(hours.get("years").get(0).get("credits").asDouble()).isEqualTo(7.5);
		assertThat(hours.get("badges").findValuesAsString("assertionId")).containsExactly(second);

		// new badges go to the address the teacher chooses
		asTeacher.put().uri("/api/v1/me/addresses/badge-address").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "nobody-" + personal)).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:address-not-verified");
		JsonNode chosen = body(asTeacher.put().uri("/api/v1/me/addresses/badge-address")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", personal)).exchange()
			.expectStatus().isOk());
		assertThat(chosen.get("badgeAddress").asString()).isEqualTo(personal);
		String third = issue(teacher, template, "tier-2");
		JsonNode mine = body(asTeacher.get().uri("/api/v1/me/badges").exchange().expectStatus().isOk());
		assertThat(mine.findValuesAsString("id")).containsExactlyInAnyOrder(first, second, third);
		// a page at a time, newest first, each badge once across the pages
		List<String> firstPage = body(asTeacher.get().uri("/api/v1/me/badges?page=0&size=2").exchange()
			.expectStatus().isOk()).findValuesAsString("id");
		List<String> secondPage = body(asTeacher.get().uri("/api/v1/me/badges?page=1&size=2").exchange()
			.expectStatus().isOk()).findValuesAsString("id");
		assertThat(firstPage).hasSize(2);
		assertThat(secondPage).hasSize(1);
		assertThat(java.util.stream.Stream.concat(firstPage.stream(), secondPage.stream()).toList())
			.isEqualTo(mine.findValuesAsString("id"));
		for (JsonNode badge : mine) {
			if (badge.get("id").asString().equals(third)) {
				assertThat(badge.get("recipientEmail").asString()).isEqualTo(personal);
			}
			if (badge.get("id").asString().equals(first)) {
				assertThat(badge.get("replacedBy").asString()).isEqualTo(second);
			}
		}

		// the teacher leaves the district: their sessions end, their badges stay
		asAdmin.post().uri("/api/v1/people/" + teacher.id() + "/depart").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.departedAt").isNotEmpty();
		asAdmin.post().uri("/api/v1/people/" + teacher.id() + "/depart").exchange().expectStatus().isOk();
		data.as(data.person(other, Role.DISTRICT_ADMIN)).post().uri("/api/v1/people/" + teacher.id() + "/depart")
			.exchange().expectStatus().isNotFound();
		asTeacher.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		JsonNode left = body(asAdmin.get().uri("/api/v1/people?left=true").exchange().expectStatus().isOk());
		assertThat(left.findValuesAsString("email")).containsExactly(teacher.email());
		http.get().uri("/public/assertions/" + second).exchange().expectStatus().isOk();
		http.get().uri("/public/assertions/" + third).exchange().expectStatus().isOk();

		// the district address no longer signs them in; the personal one does, read-only
		http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", teacher.email(), "password", TestData.PASSWORD)).exchange()
			.expectStatus().isUnauthorized().expectBody().jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:district-account-closed");
		EntityExchangeResult<byte[]> login = http.post().uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal, "password", TestData.PASSWORD)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.departed").isEqualTo(true).jsonPath("$.roles").isEmpty().returnResult();
		WebTestClient former = signedIn(login);
		assertThat(body(former.get().uri("/api/v1/me/badges").exchange().expectStatus().isOk())
			.findValuesAsString("id")).containsExactlyInAnyOrder(first, second, third);
		// rendering PDFs takes seconds on a busy machine
		WebTestClient patient = former.mutate().responseTimeout(Duration.ofSeconds(120)).build();
		patient.get().uri("/public/assertions/" + second + "/certificate.pdf").exchange().expectStatus().isOk()
			.expectHeader().contentType(MediaType.APPLICATION_PDF);
		patient.get().uri("/api/v1/me/transcript.pdf").exchange().expectStatus().isOk();
		former.post().uri("/api/v1/enrollments").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("templateId", template.id())).exchange().expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:read-only")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("left the district"));
		former.get().uri("/api/v1/people").exchange().expectStatus().isForbidden();

		// or a sign-in link mailed to the personal address, once
		http.post().uri("/api/v1/auth/sign-in-links").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal)).exchange().expectStatus().isAccepted();
		http.post().uri("/api/v1/auth/sign-in-links").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "unknown-" + personal)).exchange().expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(30)).until(() -> mail.messages(personal).stream()
			.anyMatch(m -> m.text().contains("/sign-in-link/")));
		String link = MailLinks.tokenIn(mail.messages(personal).stream().filter(m -> m.text().contains("/sign-in-link/"))
			.findFirst().orElseThrow().text(), "/sign-in-link/");
		assertThat(mail.messages("unknown-" + personal)).as("no mail to an address nobody verified").isEmpty();
		EntityExchangeResult<byte[]> linked = http.post().uri("/api/v1/auth/sign-in-links/" + link).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.departed").isEqualTo(true).returnResult();
		signedIn(linked).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		http.post().uri("/api/v1/auth/sign-in-links/" + link).exchange().expectStatus().isEqualTo(410)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:email-link-used");
		// a forgotten password is reset through the personal address too
		http.post().uri("/api/v1/password-resets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal)).exchange().expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(30)).until(() -> mail.messages(personal).stream()
			.anyMatch(m -> m.text().contains("/password-resets/")));
	}

	@Test
	void anAdministratorChangingADistrictEmailBreaksNoBadge() throws Exception {
		MailLinks mail = new MailLinks(cairn.dataDir());
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Person colleague = data.person(district, Role.TEACHER);
		WebTestClient asAdmin = data.as(admin);
		asAdmin.put().uri("/api/v1/issuing/settings").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("defaultMode", "SIGNED", "showStipend", false, "showHours", true))
			.exchange().expectStatus().isOk();
		Template template = mongo.insert(TranscriptIntegrationTests.template(district)).block();
		String badge = issue(teacher, template, "tier-1");
		String jws = body(data.as(teacher).get().uri("/api/v1/me/badges").exchange().expectStatus().isOk()).get(0)
			.get("jws").asString();
		String renamed = "renamed-" + UUID.randomUUID().toString().substring(0, 8) + "@" + district.slug()
				+ ".example.org";

		// an address another account holds is refused in neutral words; another district's admin sees nobody
		asAdmin.post().uri("/api/v1/people/" + teacher.id() + "/email").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", colleague.email())).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:email-unavailable");
		data.as(data.person(data.district(), Role.DISTRICT_ADMIN)).post().uri("/api/v1/people/" + teacher.id() + "/email")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", renamed)).exchange()
			.expectStatus().isNotFound();

		// the change waits for the person to open the link mailed to the new address
		asAdmin.post().uri("/api/v1/people/" + teacher.id() + "/email").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", renamed)).exchange().expectStatus().isAccepted()
			.expectBody().jsonPath("$.pendingEmail").isEqualTo(renamed);
		asAdmin.get().uri("/api/v1/people/" + teacher.id()).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(teacher.email());
		asAdmin.get().uri("/api/v1/people/" + teacher.id() + "/email").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.pendingEmail").isEqualTo(renamed);
		String token = mail.onlyToken(renamed, "/verify-address/");
		assertThat(body(http.get().uri("/api/v1/address-verifications/" + token).exchange().expectStatus().isOk())
			.get("purpose").asString()).isEqualTo("DISTRICT_EMAIL");
		http.post().uri("/api/v1/address-verifications/" + token).exchange().expectStatus().isOk();
		http.post().uri("/api/v1/address-verifications/" + token).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.done").isEqualTo(true);
		asAdmin.get().uri("/api/v1/people/" + teacher.id()).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(renamed);

		// the badge issued to the old address: still valid, verifiable with it, still the teacher's
		http.get().uri("/public/assertions/" + badge).exchange().expectStatus().isOk();
		JsonNode report = verify(jws, teacher.email());
		assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("recipient").get("matched").asBoolean()).isTrue();
		WebTestClient asTeacher = signedIn(http.post().uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", renamed, "password", TestData.PASSWORD)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.email").isEqualTo(renamed).returnResult());
		assertThat(body(asTeacher.get().uri("/api/v1/me/badges").exchange().expectStatus().isOk())
			.findValuesAsString("id")).containsExactly(badge);
		JsonNode addresses = body(asTeacher.get().uri("/api/v1/me/addresses").exchange().expectStatus().isOk());
		assertThat(addresses.get("addresses").findValuesAsString("email")).containsExactly(renamed, teacher.email());
		assertThat(addresses.get("addresses").get(1).get("kind").asString()).isEqualTo("FORMER_DISTRICT");
		assertThat(body(asTeacher.get().uri("/api/v1/me/hours").exchange().expectStatus().isOk())
			.get("badges").findValuesAsString("assertionId")).containsExactly(badge);
	}

	@Test
	void addressesAreRemovedOnceAndTheDistrictAddressStays() {
		MailLinks mail = new MailLinks(cairn.dataDir());
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient asTeacher = data.as(teacher);
		String personal = "remove-" + UUID.randomUUID().toString().substring(0, 8) + "@home.example.org";
		String pending = "pending-" + personal;
		for (String address : List.of(personal, pending)) {
			asTeacher.post().uri("/api/v1/me/addresses").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("email", address)).exchange().expectStatus().isAccepted();
		}
		http.post().uri("/api/v1/address-verifications/" + mail.onlyToken(personal, "/verify-address/")).exchange()
			.expectStatus().isOk();
		asTeacher.put().uri("/api/v1/me/addresses/badge-address").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", personal)).exchange().expectStatus().isOk();

		// removing the verified address twice is one removal; new badges go to the district email again
		for (int attempt = 0; attempt < 2; attempt++) {
			asTeacher.delete().uri("/api/v1/me/addresses/{email}", personal).exchange().expectStatus().isNoContent();
		}
		// a pending address goes with its link
		asTeacher.delete().uri("/api/v1/me/addresses/{email}", pending).exchange().expectStatus().isNoContent();
		http.get().uri("/api/v1/address-verifications/" + mail.onlyToken(pending, "/verify-address/")).exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:email-link-not-found");
		JsonNode left = body(asTeacher.get().uri("/api/v1/me/addresses").exchange().expectStatus().isOk());
		assertThat(left.get("badgeAddress").asString()).isEqualTo(teacher.email());
		assertThat(left.get("addresses").findValuesAsString("email")).containsExactly(teacher.email());
		asTeacher.delete().uri("/api/v1/me/addresses/{email}", teacher.email()).exchange().expectStatus()
			.isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		asTeacher.post().uri("/api/v1/me/addresses").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", "not an address")).exchange().expectStatus().isEqualTo(422);
		// anonymous callers have no addresses
		http.get().uri("/api/v1/me/addresses").exchange().expectStatus().isUnauthorized();
	}

	private WebTestClient signedIn(EntityExchangeResult<byte[]> login) {
		String cookie = login.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
		String session = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
		String csrf = UUID.randomUUID().toString();
		return http.mutate().defaultCookie("CAIRN_SESSION", session).defaultCookie("XSRF-TOKEN", csrf)
			.defaultHeader("X-XSRF-TOKEN", csrf).build();
	}

	private JsonNode verify(String jws, String recipient) {
		return body(http.post().uri("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("jws", jws, "recipient", recipient)).exchange().expectStatus().isOk());
	}

	private static String state(JsonNode list, String email) {
		for (JsonNode address : list.get("addresses")) {
			if (address.get("email").asString().equals(email)) {
				return address.get("state").asString();
			}
		}
		throw new AssertionError(email + " not in " + list);
	}

	private JsonNode body(WebTestClient.ResponseSpec response) {
		return json.readTree(response.expectBody().returnResult().getResponseBody());
	}

	private String issue(Person teacher, Template template, String tierKey) throws InterruptedException {
		return TierBadges.issue(awards, events, "identity-test", teacher, template, tierKey);
	}

}
