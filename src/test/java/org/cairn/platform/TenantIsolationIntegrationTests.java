package org.cairn.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cairn.account.AccessTokens;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.people.MailLinks;
import org.cairn.people.PersonView;
import org.cairn.support.IntegrationTest;
import org.cairn.system.CairnProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every foundation endpoint, called by the people of district A with the ids of district B: people, invitations,
 * the district itself and access tokens. Each answers as if B's records did not exist and leaves them unchanged;
 * and each admin endpoint refuses a teacher (and the other non-admin roles) with 403.
 */
class TenantIsolationIntegrationTests extends IntegrationTest {

	@Autowired
	CairnProperties cairn;

	District districtA;

	District districtB;

	Person adminA;

	Person teacherA;

	Person adminB;

	Person teacherB;

	Person coachB;

	@BeforeEach
	void twoDistricts() {
		districtA = data.district();
		districtB = data.district();
		adminA = data.person(districtA, Role.DISTRICT_ADMIN);
		teacherA = data.person(districtA, Role.TEACHER);
		adminB = data.person(districtB, Role.DISTRICT_ADMIN);
		teacherB = data.person(districtB, Role.TEACHER);
		coachB = data.person(districtB, Role.COACH);
	}

	@Test
	void anAdminOfAGetsNotFoundForEveryPersonOfB() {
		WebTestClient admin = data.as(adminA);
		for (Person ofB : List.of(adminB, teacherB, coachB)) {
			notFound(admin.get().uri("/api/v1/people/{id}", ofB.id()));
			notFound(admin.put().uri("/api/v1/people/{id}", ofB.id())
				.bodyValue(Map.of("displayName", "Taken Over", "roles", List.of("DISTRICT_ADMIN"))));
			notFound(admin.post().uri("/api/v1/people/{id}/deactivate", ofB.id()));
			notFound(admin.post().uri("/api/v1/people/{id}/reactivate", ofB.id()));
		}
		// A coach of B cannot be named as the coach of a person of A, neither on invitation nor on change.
		admin.post().uri("/api/v1/people")
			.bodyValue(Map.of("email", email(districtA), "roles", List.of("TEACHER"), "coachId", coachB.id()))
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("coachId");
		admin.put().uri("/api/v1/people/{id}", teacherA.id())
			.bodyValue(Map.of("displayName", "Pat", "roles", List.of("TEACHER"), "coachId", coachB.id()))
			.exchange()
			.expectStatus().isEqualTo(422);

		admin.get().uri("/api/v1/people").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids)
				.contains(adminA.id(), teacherA.id())
				.doesNotContain(adminB.id(), teacherB.id(), coachB.id()));
		// B's people are untouched: still active, same roles, still signed in.
		data.as(adminB).get().uri("/api/v1/people/{id}", adminB.id()).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.active").isEqualTo(true)
			.jsonPath("$.roles.length()").isEqualTo(1)
			.jsonPath("$.displayName").isEqualTo(adminB.displayName());
		data.as(teacherB).get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void anAdminOfACannotTakeOverOrWithdrawAnInvitationOfB() {
		MailLinks mail = new MailLinks(cairn.dataDir());
		String invitee = email(districtB);
		var invited = data.as(adminB).post().uri("/api/v1/people")
			.bodyValue(Map.of("email", invitee, "roles", List.of("TEACHER")))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(Invited.class).returnResult().getResponseBody();
		String link = mail.onlyToken(invitee, "/invitations/");

		WebTestClient admin = data.as(adminA);
		// Re-inviting B's pending invitee from A would move them to A; it is refused without saying where they are.
		admin.post().uri("/api/v1/people")
			.bodyValue(Map.of("email", invitee.toUpperCase(), "roles", List.of("DISTRICT_ADMIN")))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:cairn:problem:email-unavailable")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(districtB.name()));
		notFound(admin.post().uri("/api/v1/people/{id}/deactivate", invited.person().id()));

		assertThat(mail.tokens(invitee, "/invitations/")).containsExactly(link);
		http.get().uri("/api/v1/invitations/{token}", link).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.districtName").isEqualTo(districtB.name());
		http.post().uri("/api/v1/invitations/{token}", link)
			.bodyValue(Map.of("displayName", "Bo Invitee", "password", "a long enough passphrase"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.districtId").isEqualTo(districtB.id())
			.jsonPath("$.id").isEqualTo(invited.person().id());
	}

	@Test
	void theDistrictEndpointOnlyEverShowsAndChangesTheCallersOwn() {
		data.as(teacherA).get().uri("/api/v1/district").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(districtA.id());
		data.as(adminA).put().uri("/api/v1/district").bodyValue(settings("Renamed A")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(districtA.id());
		data.as(teacherB).get().uri("/api/v1/district").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.id").isEqualTo(districtB.id())
			.jsonPath("$.settings.name").isEqualTo(districtB.name());
		// The platform's district list is for platform administrators, not a district's own admin.
		forbidden(data.as(adminA).get().uri("/api/v1/districts"));
		forbidden(data.as(adminA).post().uri("/api/v1/districts")
			.bodyValue(Map.of("slug", "x-" + UUID.randomUUID().toString().substring(0, 8), "name", "X",
					"url", "https://x.example", "email", "pd@x.example", "timeZone", "America/Chicago",
					"adminEmail", "admin@x.example")));
	}

	@Test
	void anAccessTokenOfBIsNeitherListedNorRevocableFromA() {
		AccessTokens.CreatedToken ofB = data.as(teacherB).post().uri("/api/v1/me/tokens")
			.bodyValue(Map.of("name", "grading script", "days", 30, "scopes", List.of("READ")))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(AccessTokens.CreatedToken.class).returnResult().getResponseBody();
		String idOfB = ofB.id();
		String secretOfB = ofB.token();

		for (Person ofA : List.of(adminA, teacherA)) {
			String own = data.as(ofA).post().uri("/api/v1/me/tokens").bodyValue(Map.of("name", "mine", "days", 1, "scopes", List.of("READ")))
				.exchange()
				.expectStatus().isCreated()
				.expectBody(AccessTokens.CreatedToken.class).returnResult().getResponseBody().id();
			data.as(ofA).get().uri("/api/v1/me/tokens").exchange()
				.expectStatus().isOk()
				.expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(own));
			notFound(data.as(ofA).delete().uri("/api/v1/me/tokens/{id}", idOfB));
		}
		// B's token still works, and it carries B's district only: A's ids are as unknown to it.
		WebTestClient script = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secretOfB).build();
		script.get().uri("/api/v1/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.districtId").isEqualTo(districtB.id());
		Person adminOfBWithToken = data.person(districtB, Role.DISTRICT_ADMIN);
		String adminSecret = data.as(adminOfBWithToken).post().uri("/api/v1/me/tokens")
			.bodyValue(Map.of("name", "sync", "days", 1, "scopes", List.of("READ", "MANAGE")))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(AccessTokens.CreatedToken.class).returnResult().getResponseBody().token();
		WebTestClient adminScript = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + adminSecret)
			.build();
		notFound(adminScript.get().uri("/api/v1/people/{id}", teacherA.id()));
		notFound(adminScript.post().uri("/api/v1/people/{id}/deactivate", teacherA.id()));
	}

	@Test
	void onlyDistrictAdminsMayCallTheAdminEndpoints() {
		for (Role role : List.of(Role.TEACHER, Role.ASSESSOR, Role.COACH)) {
			WebTestClient caller = data.as(data.person(districtA, role));
			forbidden(caller.get().uri("/api/v1/people"));
			forbidden(caller.get().uri("/api/v1/people/{id}", teacherA.id()));
			forbidden(caller.post().uri("/api/v1/people")
				.bodyValue(Map.of("email", email(districtA), "roles", List.of("TEACHER"))));
			forbidden(caller.put().uri("/api/v1/people/{id}", teacherA.id())
				.bodyValue(Map.of("displayName", "Pat", "roles", List.of("DISTRICT_ADMIN"))));
			forbidden(caller.post().uri("/api/v1/people/{id}/deactivate", adminA.id()));
			forbidden(caller.post().uri("/api/v1/people/{id}/reactivate", teacherA.id()));
			forbidden(caller.put().uri("/api/v1/district").bodyValue(settings("Taken Over")));
			forbidden(caller.get().uri("/api/v1/districts"));
		}
		data.as(adminA).get().uri("/api/v1/district").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.settings.name").isEqualTo(districtA.name());
		// Without a session or token, the same endpoints ask for sign-in first.
		for (String path : List.of("/api/v1/people", "/api/v1/district", "/api/v1/districts", "/api/v1/me/tokens")) {
			http.method(HttpMethod.GET).uri(path).exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private static void notFound(WebTestClient.RequestHeadersSpec<?> request) {
		request.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:not-found");
	}

	private static void forbidden(WebTestClient.RequestHeadersSpec<?> request) {
		request.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("urn:cairn:problem:forbidden");
	}

	private static String email(District district) {
		return "new-" + UUID.randomUUID().toString().substring(0, 8) + "@" + district.slug() + ".example.org";
	}

	private static Map<String, Object> settings(String name) {
		var settings = new java.util.HashMap<String, Object>(Map.of("name", name, "url", "https://a.example.org",
				"email", "pd@a.example.org", "timeZone", "America/Chicago", "fiscalYearStartMonth", 7,
				"budgetCents", 100, "autoApproveProposals", false, "allowCoachAsAssessor", false, "maxUploadBytes",
				10_485_760));
		settings.put("brandColor", "#123456");
		return settings;
	}

	/** Read with the service's own JSON rules, which refuse unknown fields: so the whole shape. */
	record Invited(PersonView person, Instant invitationExpiresAt) {
	}

}
