package org.cairn.template;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.cairn.account.Role;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.template.TemplateApi.errorFields;
import static org.cairn.template.TemplateApi.map;

/** Export a template as one JSON document and import it into another district. */
class TemplateExchangeIntegrationTests extends IntegrationTest {

	@Test
	void exportThenImportIntoASecondDistrictReproducesTheTemplateExactly() {
		TemplateApi parkway = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		TemplateApi derry = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		JsonNode original = parkway.adopt("parkway-personalized-learning");
		String id = original.get("id").asString();
		parkway.publish(id);

		var exported = parkway.client()
			.get()
			.uri("/api/v1/templates/" + id + "/export")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"personalized-learning-microcredential-v1.json\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(exported.get("format").asString()).isEqualTo("cairn.template/1");
		assertThat(exported.propertyNames()).containsExactlyInAnyOrder("format", "libraryKey", "template");

		JsonNode imported = derry.post("/api/v1/templates/import", exported, 201);
		assertThat(imported.get("content")).isEqualTo(original.get("content"));
		assertThat(imported.get("status").asString()).isEqualTo("DRAFT");
		assertThat(imported.get("version").asInt()).isEqualTo(1);
		assertThat(imported.get("libraryKey").asString()).isEqualTo("parkway-personalized-learning");
		assertThat(imported.get("problems")).isEmpty();
		String copy = imported.get("id").asString();
		assertThat(derry.get("/api/v1/templates/" + copy + "/export")).isEqualTo(exported);
		assertThat(derry.get("/api/v1/templates/" + copy + "/preview").get("tiers"))
			.isEqualTo(parkway.get("/api/v1/templates/" + id + "/preview").get("tiers"));

		// Importing the same document again (a retry) is the same draft; a second copy must be asked for.
		assertThat(derry.post("/api/v1/templates/import", exported, 200).get("id").asString()).isEqualTo(copy);
		assertThat(derry.post("/api/v1/templates/import?copy=true", exported, 201).get("id").asString())
			.isNotEqualTo(copy);
		derry.publish(copy);
	}

	@Test
	void importReportsEveryProblemOfABadDocumentAndStoresNothing() {
		TemplateApi admin = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		Map<String, Object> template = TemplateApi.simple("Shared by a neighbour");
		template.put("title", "");
		template.put("artwork", svg("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
		template.put("alignments", List.of(map("targetName", "Data", "targetUrl", "javascript:alert(1)")));
		@SuppressWarnings("unchecked")
		Map<String, Object> tier = ((List<Map<String, Object>>) template.get("tiers")).get(0);
		tier.put("requires", List.of("tier-0"));
		tier.put("stipendCents", -1);

		JsonNode problem = admin.post("/api/v1/templates/import",
				map("format", "cairn.template/0", "libraryKey", "Not A Key!", "template", template), 422);

		assertThat(problem.get("type").asString()).isEqualTo("urn:cairn:problem:template-invalid");
		assertThat(errorFields(problem)).containsExactlyInAnyOrder("format", "libraryKey", "template.title",
				"template.artwork", "template.alignments[0].targetUrl", "template.tiers[0].requires[0]",
				"template.tiers[0].pay.cents");
		assertThat(admin.get("/api/v1/templates")).isEmpty();

		JsonNode missing = admin.post("/api/v1/templates/import", map("format", "cairn.template/1"), 422);
		assertThat(errorFields(missing)).containsExactly("template");
		// Fields this format does not have are refused rather than silently dropped.
		ObjectNode unknown = (ObjectNode) admin.get("/api/v1/library/formative-assessment").deepCopy();
		unknown.put("format", "cairn.template/1");
		admin.post("/api/v1/templates/import", unknown, 400);
	}

	private static String svg(String markup) {
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(markup.getBytes(StandardCharsets.UTF_8));
	}

}
