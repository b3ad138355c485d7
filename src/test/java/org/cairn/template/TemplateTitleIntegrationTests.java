package org.cairn.template;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template's and a tier's title reach notification subjects, so a line break in one cannot be published. Failed
 * on main, where {@code "Title\r\nBcc: …"} published.
 */
class TemplateTitleIntegrationTests extends IntegrationTest {

	@Test
	void titlesWithLineBreaksCannotBePublished() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		Map<String, Object> content = TemplateApi.simple("Coaching\r\nBcc: victim@evil.test");
		@SuppressWarnings("unchecked")
		Map<String, Object> tier = ((List<Map<String, Object>>) content.get("tiers")).get(0);
		tier.put("title", "Tier\nX-Injected: yes");
		JsonNode created = admin.call(org.springframework.http.HttpMethod.POST, "/api/v1/templates", content, 201);
		JsonNode refused = admin.post("/api/v1/templates/" + created.get("id").asString() + "/publish", null, 422);
		assertThat(TemplateApi.errorFields(refused)).contains("title", "tiers[0].title");
		assertThat(refused.toString()).contains("without line breaks");
	}

}
