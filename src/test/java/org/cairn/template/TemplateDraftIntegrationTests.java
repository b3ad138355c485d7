package org.cairn.template;

import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft as the editor keeps it: stored with whatever is filled in so far, its problems listed for publishing,
 * and deleted when the author gives up on it. Published versions are retired, never deleted.
 */
class TemplateDraftIntegrationTests extends IntegrationTest {

	@Test
	void anUnfinishedDraftIsStoredListsWhatIsMissingAndCanBeDeleted() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));

		JsonNode draft = admin.post("/api/v1/templates", Map.of("title", "Coaching cycles", "proposalRequired", false), 201);
		String id = draft.get("id").asString();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("problems").size()).as("what publishing still needs").isPositive();

		JsonNode refused = admin.post("/api/v1/templates/" + id + "/publish", null, 422);
		assertThat(TemplateApi.errorFields(refused)).contains("summary", "criteria", "tiers");
		assertThat(admin.get("/api/v1/templates").toString()).contains(id);

		admin.call(HttpMethod.DELETE, "/api/v1/templates/" + id, null, 204);
		assertThat(admin.get("/api/v1/templates").toString()).as("gone from the list").doesNotContain(id);
		admin.call(HttpMethod.GET, "/api/v1/templates/" + id, null, 404);
		admin.call(HttpMethod.DELETE, "/api/v1/templates/" + id, null, 404);
	}

	@Test
	void aPublishedVersionIsRetiredNotDeletedAndOtherDistrictsCannotDeleteADraft() {
		District district = data.district();
		Person owner = data.person(district, Role.DISTRICT_ADMIN);
		TemplateApi admin = new TemplateApi(data.as(owner));
		String published = admin.adopt("formative-assessment").get("id").asString();
		admin.publish(published);
		JsonNode refused = admin.call(HttpMethod.DELETE, "/api/v1/templates/" + published, null, 409);
		assertThat(refused.get("detail").asString()).contains("create a new version");
		admin.post("/api/v1/templates/" + published + "/retire", null, 200);
		assertThat(admin.get("/api/v1/templates/" + published).get("status").asString()).isEqualTo("RETIRED");

		String draft = admin.post("/api/v1/templates", Map.of("title", "Data teams", "proposalRequired", false), 201).get("id").asString();
		TemplateApi stranger = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		stranger.call(HttpMethod.DELETE, "/api/v1/templates/" + draft, null, 404);
		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		teacher.call(HttpMethod.DELETE, "/api/v1/templates/" + draft, null, 403);
		assertThat(admin.get("/api/v1/templates/" + draft).get("status").asString()).isEqualTo("DRAFT");
	}

}
