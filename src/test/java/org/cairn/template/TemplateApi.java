package org.cairn.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the template API as one signed-in person and builds request bodies the way a client would. */
record TemplateApi(WebTestClient client) {

	JsonNode call(HttpMethod method, String uri, Object body, int expectedStatus) {
		var spec = client.method(method).uri(uri);
		var exchange = body == null ? spec.exchange() : spec.bodyValue(body).exchange();
		var result = exchange.expectStatus().isEqualTo(expectedStatus).expectBody(JsonNode.class).returnResult();
		return result.getResponseBody();
	}

	/** For calls racing each other, where either 201 (created) or 200 (found) is right. */
	JsonNode callSucceeding(HttpMethod method, String uri, Object body) {
		var spec = client.method(method).uri(uri);
		var exchange = body == null ? spec.exchange() : spec.bodyValue(body).exchange();
		return exchange.expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	JsonNode get(String uri) {
		return call(HttpMethod.GET, uri, null, 200);
	}

	/**
	 * The catalogue filtered by name/value pairs. The values are given unencoded and sent as encoded query
	 * parameters: a literal {@code %20} in a URI template would be encoded again (to {@code %2520}).
	 */
	JsonNode catalogue(String... filters) {
		return client.get().uri(builder -> {
			builder.path("/api/v1/catalogue");
			for (int i = 0; i < filters.length; i += 2) {
				builder.queryParam(filters[i], filters[i + 1]);
			}
			return builder.build();
		}).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	/** The catalogue's filter choices and counts for these filters (name/value pairs, unencoded). */
	JsonNode catalogueFacets(String... filters) {
		return client.get().uri(builder -> {
			builder.path("/api/v1/catalogue/facets");
			for (int i = 0; i < filters.length; i += 2) {
				builder.queryParam(filters[i], filters[i + 1]);
			}
			return builder.build();
		}).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	JsonNode post(String uri, Object body, int expectedStatus) {
		return call(HttpMethod.POST, uri, body, expectedStatus);
	}

	JsonNode put(String uri, Object body, int expectedStatus) {
		return call(HttpMethod.PUT, uri, body, expectedStatus);
	}

	JsonNode adopt(String key) {
		return post("/api/v1/library/" + key + "/adopt", null, 201);
	}

	JsonNode publish(String id) {
		JsonNode published = post("/api/v1/templates/" + id + "/publish", null, 200);
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		return published;
	}

	/** The JSON paths of the errors of a problem document. */
	static List<String> errorFields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	// ---- bodies, as plain maps so the tests exercise the JSON contract rather than our records

	static Map<String, Object> criterion(String key, String name, String notYet, String onTrack) {
		return map("key", key, "name", name, "descriptors", List.of(notYet, onTrack));
	}

	static Map<String, Object> requirement(String key, String kind, String title, Map<String, Object> limits,
			List<String> allowedKinds, List<Map<String, Object>> criteria) {
		Map<String, Object> r = map("key", key, "kind", kind, "title", title, "prompt", "Prompt for " + title,
				"allowedKinds", allowedKinds, "criteria", criteria);
		r.putAll(limits);
		return r;
	}

	static Map<String, Object> reflection(String key, String title, int minWords, int maxWords, int minSeconds,
			int maxSeconds, List<Map<String, Object>> criteria) {
		return requirement(key, "REFLECTION", title, map("minWords", minWords, "maxWords", maxWords, "minSeconds",
				minSeconds, "maxSeconds", maxSeconds), List.of(), criteria);
	}

	static Map<String, Object> tier(String key, String title, List<String> requires, long stipendCents,
			List<Map<String, Object>> requirements) {
		return map("key", key, "title", title, "description", "About " + title, "requires", requires,
				"awardedSeparately", true, "stipendCents", stipendCents, "fundingSource", "District",
				"estimatedHours", 8, "requirements", requirements);
	}

	static Map<String, Object> alignment(String name, String code, String framework) {
		return map("targetName", name, "targetUrl", "https://learningforward.org/standards-for-professional-learning/",
				"targetDescription", "Aligned", "targetFramework", framework, "targetCode", code);
	}

	static Map<String, Object> twoLevelScale() {
		return map("name", "Two-level", "levels", List.of("Not yet on track", "On track"), "passingLevel", 1);
	}

	static final String SVG = "data:image/svg+xml;base64," + java.util.Base64.getEncoder()
		.encodeToString("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#2f5d8a\"/></svg>"
			.getBytes());

	static Map<String, Object> content(String title, List<Map<String, Object>> alignments, Map<String, Object> scale,
			boolean proposalRequired, List<Map<String, Object>> tiers) {
		return map("title", title, "summary", "A summary of " + title, "criteria", "How to earn " + title, "artwork",
				SVG, "tags", map("subjects", List.of("Mathematics"), "gradeBands", List.of("6-8"), "topics",
						List.of("Testing")),
				"alignments", alignments, "validFor", null, "scale", scale, "proposalRequired", proposalRequired,
				"tiers", tiers);
	}

	/** A small valid one-tier template. */
	static Map<String, Object> simple(String title) {
		return content(title, List.of(alignment("Data", "LF2011.DATA",
				"Learning Forward Standards for Professional Learning (2011)")), twoLevelScale(), false,
				List.of(tier("tier-1", "Only tier", List.of(), 5000,
						List.of(reflection("reflection", "Reflection", 100, 200, 60, 120,
								List.of(criterion("depth", "Depth", "Shallow", "Deep")))))));
	}

	static Map<String, Object> map(Object... keyValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

}
