package org.cairn.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that reach a mail header or subject are refused with a plain 422 when they carry a line break or another
 * control character. Failed on main, where {@code "…\r\nBcc: …"} was accepted as a district name.
 */
class HeaderTextIntegrationTests extends IntegrationTest {

	@Autowired
	PersonRepository people;

	private static final List<String> HOSTILE = List.of("Evil\r\nBcc: victim@evil.test", "Evil\nX-Injected: yes",
			"Evil\u0000District", "Evil\u2028District", "Evil\tDistrict");

	@Test
	void districtNamesWithControlCharactersAreRefused() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		for (String name : HOSTILE) {
			Map<String, Object> settings = settings(district, name);
			data.as(admin).put().uri("/api/v1/district").bodyValue(settings).exchange()
				.expectStatus().isEqualTo(422)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field").isEqualTo("name")
				.jsonPath("$.detail").value(detail -> assertThat((String) detail)
					.isEqualTo("must be one line of text, without line breaks or control characters"));
		}
		data.as(admin).put().uri("/api/v1/district").bodyValue(settings(district, "Évora – Unified Schools"))
			.exchange().expectStatus().isOk();
	}

	@Test
	void personNamesWithControlCharactersAreRefused() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		for (String name : HOSTILE) {
			data.as(admin).post().uri("/api/v1/people")
				.bodyValue(Map.of("email", "new-" + Math.abs(name.hashCode()) + "@" + district.slug() + ".example.org",
						"displayName", name, "roles", List.of("TEACHER")))
				.exchange().expectStatus().isEqualTo(422)
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("displayName");
			data.as(admin).put().uri("/api/v1/people/" + teacher.id())
				.bodyValue(Map.of("displayName", name, "roles", List.of("TEACHER")))
				.exchange().expectStatus().isEqualTo(422)
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("displayName");
		}
	}

	@Test
	void aNewDistrictsNameAndAdminNameAreChecked() {
		Person platformAdmin = people.save(new Person(null, null, "platform-" + UUID.randomUUID() + "@cairn.test",
				"Pat Platform", null, Set.of(), true, null, null, null, true, Instant.now(), null)).block();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("slug", "evil-district");
		body.put("name", HOSTILE.get(0));
		body.put("url", "https://evil.example.org");
		body.put("email", "pd@evil.example.org");
		body.put("timeZone", "America/Chicago");
		body.put("adminEmail", "admin@evil.example.org");
		body.put("adminName", HOSTILE.get(1));
		data.as(platformAdmin).post().uri("/api/v1/districts").bodyValue(body).exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors.length()").isEqualTo(2);
	}

	private static Map<String, Object> settings(District district, String name) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("name", name);
		settings.put("url", district.url());
		settings.put("email", district.email());
		settings.put("timeZone", "America/Chicago");
		settings.put("fiscalYearStartMonth", 7);
		settings.put("budgetCents", 100_000);
		settings.put("autoApproveProposals", false);
		settings.put("allowCoachAsAssessor", false);
		settings.put("maxUploadBytes", District.DEFAULT_MAX_UPLOAD_BYTES);
		return settings;
	}

}
