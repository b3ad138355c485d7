package org.cairn.district;

import java.util.Map;

import org.cairn.account.Role;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class DistrictIntegrationTests extends IntegrationTest {

	@Test
	void adminUpdatesOwnDistrictAndTeacherCannot() {
		District district = data.district();
		var admin = data.person(district, Role.DISTRICT_ADMIN);
		var teacher = data.person(district, Role.TEACHER);
		var settings = new java.util.HashMap<String, Object>(Map.of("name", "Parkway School District", "url",
				"https://www.parkwayschools.net", "email", "pd@parkway.example", "timeZone", "America/Chicago",
				"fiscalYearStartMonth", 7, "budgetCents", 5_000_000, "autoApproveProposals", false,
				"allowCoachAsAssessor", false, "maxUploadBytes", 1_073_741_824L));
		settings.put("brandColor", "#004b87");
		data.as(teacher).put().uri("/api/v1/district").bodyValue(settings).exchange().expectStatus().isForbidden();
		data.as(admin).put().uri("/api/v1/district").bodyValue(settings).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.settings.name").isEqualTo("Parkway School District");
		data.as(teacher).get().uri("/api/v1/district").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.settings.budgetCents").isEqualTo(5_000_000);
	}

	@Test
	void refusesAnInvalidTimeZoneAndColour() {
		District district = data.district();
		var admin = data.person(district, Role.DISTRICT_ADMIN);
		var settings = new java.util.HashMap<String, Object>(Map.of("name", "X", "url", "https://x.example",
				"email", "a@x.example", "timeZone", "Mars/Olympus", "fiscalYearStartMonth", 7, "budgetCents", 0,
				"autoApproveProposals", false, "allowCoachAsAssessor", false, "maxUploadBytes", 10_485_760));
		settings.put("brandColor", "red");
		data.as(admin).put().uri("/api/v1/district").bodyValue(settings).exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.errors.length()").isEqualTo(2);
	}

}
