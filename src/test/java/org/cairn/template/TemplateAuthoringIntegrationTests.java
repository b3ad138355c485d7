package org.cairn.template;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.template.TemplateApi.alignment;
import static org.cairn.template.TemplateApi.content;
import static org.cairn.template.TemplateApi.criterion;
import static org.cairn.template.TemplateApi.errorFields;
import static org.cairn.template.TemplateApi.map;
import static org.cairn.template.TemplateApi.reflection;
import static org.cairn.template.TemplateApi.simple;
import static org.cairn.template.TemplateApi.tier;

/** The authoring lifecycle: validation, versions under enrolments, district frameworks, adoption. */
class TemplateAuthoringIntegrationTests extends IntegrationTest {

	@Test
	void refusesAnInvalidTemplateWithOneProblemListingEveryError() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		Map<String, Object> broken = content("Broken", List.of(map("targetName", "Data", "targetUrl",
				"htp//learningforward org", "targetFramework", "My own", "targetCode", "X.1")),
				map("name", "Empty", "levels", List.of(), "passingLevel", 0), false,
				List.of(tier("tier-1", "Only tier", List.of("tier-1"), 0,
						List.of(withPassRule(reflection("reflection", "Reflection", 600, 500, 60, 120,
								List.of(criterion("depth", "Depth", "Shallow", "Deep"))), List.of("missing"))))));

		JsonNode problem = admin.post("/api/v1/templates/validate", broken, 422);

		assertThat(problem.get("type").asString()).isEqualTo("urn:cairn:problem:template-invalid");
		assertThat(problem.get("status").asInt()).isEqualTo(422);
		assertThat(errorFields(problem)).containsExactlyInAnyOrder("alignments[0].targetUrl", "scale.levels",
				"tiers[0].requires[0]", "tiers[0].requirements[0].minWords",
				"tiers[0].requirements[0].passRule.criteria[0]");
		assertThat(message(problem, "tiers[0].requires[0]")).isEqualTo("a tier cannot require itself");
		assertThat(message(problem, "tiers[0].requirements[0].minWords")).contains("600").contains("500");
		assertThat(message(problem, "tiers[0].requirements[0].passRule.criteria[0]")).contains("missing");

		// A draft may be saved half-finished, but it cannot be published: the same list blocks it.
		JsonNode draft = admin.post("/api/v1/templates", broken, 201);
		assertThat(draft.get("problems").findValuesAsString("field")).hasSize(5);
		JsonNode refused = admin.post("/api/v1/templates/" + draft.get("id").asString() + "/publish", null, 422);
		assertThat(errorFields(refused)).isEqualTo(errorFields(problem));
		assertThat(admin.get("/api/v1/templates/" + draft.get("id").asString()).get("status").asString())
			.isEqualTo("DRAFT");
	}

	@Test
	void editingAPublishedTemplateMakesANewVersionAndEnrolmentsKeepTheirs() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		TemplateApi early = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		TemplateApi late = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		Map<String, Object> first = proposalFirst("Formative checks");
		String v1 = admin.post("/api/v1/templates", first, 201).get("id").asString();
		admin.publish(v1);
		JsonNode enrolment = early.post("/api/v1/enrollments", Map.of("templateId", v1), 201);
		assertThat(enrolment.get("templateId").asString()).isEqualTo(v1);

		// The published version never changes.
		JsonNode frozen = admin.put("/api/v1/templates/" + v1, proposalFirst("Formative checks, revised"), 409);
		assertThat(frozen.get("type").asString()).isEqualTo("urn:cairn:problem:template-not-draft");

		// Editing starts the next version; a double click gets the same draft.
		JsonNode next = admin.post("/api/v1/templates/" + v1 + "/versions", null, 201);
		String v2 = next.get("id").asString();
		assertThat(next.get("version").asInt()).isEqualTo(2);
		assertThat(admin.post("/api/v1/templates/" + v1 + "/versions", null, 200).get("id").asString())
			.isEqualTo(v2);
		admin.put("/api/v1/templates/" + v2, proposalFirst("Formative checks, revised"), 200);
		admin.publish(v2);

		assertThat(admin.get("/api/v1/templates/" + v1).get("content").get("title").asString())
			.isEqualTo("Formative checks");
		assertThat(ParkwayTemplateIntegrationTests.ids(late.catalogue())).containsExactly(v2);
		JsonNode kept = early.get("/api/v1/enrollments/" + enrolment.get("id").asString());
		assertThat(kept.get("templateId").asString()).isEqualTo(v1);
		assertThat(kept.get("templateTitle").asString()).isEqualTo("Formative checks");
		// Starting again returns the enrolment already held, still on version 1; a newcomer gets version 2.
		assertThat(early.post("/api/v1/enrollments", Map.of("templateId", v2), 200).get("templateId").asString())
			.isEqualTo(v1);
		assertThat(late.post("/api/v1/enrollments", Map.of("templateId", v2), 201).get("templateId").asString())
			.isEqualTo(v2);
	}

	@Test
	void aDistrictAddsItsOwnFrameworkAndAlignsToIt() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		Map<String, Object> framework = map("code", "PA-TS", "name", "Pennsylvania Teaching Standards", "publisher",
				"Pennsylvania Department of Education", "url", "https://www.education.pa.gov/", "description",
				"The state's teaching standards", "entries",
				List.of(map("code", "PA-TS.1", "name", "Planning and preparation", "kind", "STANDARD", "description",
						"Plans from knowledge of content and students", "url", "https://www.education.pa.gov/1")));

		admin.post("/api/v1/frameworks", framework, 201);
		admin.post("/api/v1/frameworks", framework, 201); // a retry is the same framework, not an error
		JsonNode conflict = admin.post("/api/v1/frameworks",
				map("code", "PA-TS", "name", "Something else", "url", "https://example.org/", "entries",
						List.of(map("code", "PA-TS.9", "name", "Other", "kind", "STANDARD"))),
				409);
		assertThat(conflict.get("type").asString()).isEqualTo("urn:cairn:problem:framework-exists");
		JsonNode stored = admin.get("/api/v1/frameworks/PA-TS");
		assertThat(stored.get("builtIn").asBoolean()).isFalse();
		JsonNode alignment = stored.get("entries").get(0).get("alignment");
		assertThat(alignment.get("targetFramework").asString()).isEqualTo("Pennsylvania Teaching Standards");
		assertThat(alignment.get("targetCode").asString()).isEqualTo("PA-TS.1");

		Map<String, Object> aligned = simple("State standards practice");
		aligned.put("alignments", List.of(map("targetName", alignment.get("targetName").asString(), "targetUrl",
				alignment.get("targetUrl").asString(), "targetDescription",
				alignment.get("targetDescription").asString(), "targetFramework",
				alignment.get("targetFramework").asString(), "targetCode", alignment.get("targetCode").asString())));
		String id = admin.post("/api/v1/templates", aligned, 201).get("id").asString();
		admin.publish(id);
		assertThat(ParkwayTemplateIntegrationTests.ids(teacher.catalogue("framework", "PA-TS"))).containsExactly(id);
		assertThat(ParkwayTemplateIntegrationTests.ids(teacher.catalogue("standard", "PA-TS.1"))).containsExactly(id);

		// Another district neither sees it nor can look it up.
		TemplateApi stranger = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		stranger.call(HttpMethod.GET, "/api/v1/frameworks/PA-TS", null, 404);
		assertThat(stranger.get("/api/v1/frameworks").findValuesAsString("code")).doesNotContain("PA-TS")
			.contains("LF2011", "LF2022", "FFT", "ISTE-E", "ISTE-C");
	}

	@Test
	void adoptingALibraryEntryIsOneActionAndADoubleClickAdoptsItOnce() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));

		// Two clicks in flight at once: the unique (familyId, version) index lets only one copy exist.
		CompletableFuture<JsonNode> one = CompletableFuture
			.supplyAsync(() -> admin.callSucceeding(HttpMethod.POST, "/api/v1/library/video-coaching/adopt", null));
		CompletableFuture<JsonNode> two = CompletableFuture
			.supplyAsync(() -> admin.callSucceeding(HttpMethod.POST, "/api/v1/library/video-coaching/adopt", null));
		String id = one.join().get("id").asString();
		assertThat(two.join().get("id").asString()).isEqualTo(id);
		assertThat(admin.post("/api/v1/library/video-coaching/adopt", null, 200).get("id").asString()).isEqualTo(id);
		assertThat(admin.get("/api/v1/templates").findValuesAsString("libraryKey")).containsExactly("video-coaching");

		JsonNode adopted = admin.get("/api/v1/templates/" + id);
		assertThat(adopted.get("status").asString()).isEqualTo("DRAFT");
		assertThat(adopted.get("problems")).isEmpty();
		// The artwork is the district's: its brand colour, and the title on a banner.
		String artwork = adopted.get("content").get("artwork").asString();
		String svg = new String(Base64.getDecoder().decode(artwork.substring(artwork.indexOf(',') + 1)),
				StandardCharsets.UTF_8);
		assertThat(svg).contains(district.brandColor()).doesNotContain("#2f5d8a").contains(">Video Coaching</text>");
		// The copy is the district's to edit; asking explicitly for another copy makes a second one.
		String another = admin.post("/api/v1/library/video-coaching/adopt?copy=true", null, 201).get("id").asString();
		assertThat(another).isNotEqualTo(id);
		admin.call(HttpMethod.POST, "/api/v1/library/no-such-entry/adopt", null, 404);
		new TemplateApi(data.as(data.person(district, Role.TEACHER)))
			.call(HttpMethod.POST, "/api/v1/library/video-coaching/adopt", null, 403);
	}

	@Test
	void artworkIsServedAsAPngOfTheAskedSize() throws IOException {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		String id = admin.adopt("formative-assessment").get("id").asString();

		assertThat(TemplateArtworkTests.decode(png(admin, "/api/v1/templates/" + id + "/artwork.png")).getWidth())
			.isEqualTo(400);
		BufferedImage small = TemplateArtworkTests
			.decode(png(admin, "/api/v1/templates/" + id + "/artwork.png?size=64"));
		assertThat(small.getWidth()).isEqualTo(64);
		assertThat(small.getHeight()).isEqualTo(64);
		admin.call(HttpMethod.GET, "/api/v1/templates/" + id + "/artwork.png?size=5", null, 422);

		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		teacher.call(HttpMethod.GET, "/api/v1/catalogue/" + id + "/artwork.png", null, 404); // still a draft
		admin.publish(id);
		assertThat(TemplateArtworkTests.decode(png(teacher, "/api/v1/catalogue/" + id + "/artwork.png")).getHeight())
			.isEqualTo(400);
	}

	private static byte[] png(TemplateApi api, String uri) {
		return api.client()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void templatesStayInsideTheirDistrictAndOnlyAdminsAuthor() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		String id = admin.post("/api/v1/templates", simple("Ours"), 201).get("id").asString();
		TemplateApi stranger = new TemplateApi(data.as(data.person(data.district(), Role.DISTRICT_ADMIN)));
		for (String path : List.of("", "/preview", "/export")) {
			stranger.call(HttpMethod.GET, "/api/v1/templates/" + id + path, null, 404);
		}
		stranger.call(HttpMethod.POST, "/api/v1/templates/" + id + "/publish", null, 404);
		stranger.call(HttpMethod.PUT, "/api/v1/templates/" + id, simple("Theirs"), 404);
		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		teacher.call(HttpMethod.POST, "/api/v1/templates", simple("Mine"), 403);
		teacher.call(HttpMethod.GET, "/api/v1/templates/" + id, null, 403);
		// A draft is not in the catalogue, not even by id.
		teacher.call(HttpMethod.GET, "/api/v1/catalogue/" + id, null, 404);
	}

	private static Map<String, Object> proposalFirst(String title) {
		return content(title, List.of(alignment("Data", "LF2011.DATA",
				"Learning Forward Standards for Professional Learning (2011)")), TemplateApi.twoLevelScale(), true,
				List.of(tier("tier-1", "Only tier", List.of(), 5000,
						List.of(reflection("reflection", "Reflection", 100, 200, 60, 120,
								List.of(criterion("depth", "Depth", "Shallow", "Deep")))))));
	}

	private static Map<String, Object> withPassRule(Map<String, Object> requirement, List<String> criteria) {
		requirement.put("passRule", map("minimumLevel", 1, "criteria", criteria));
		return requirement;
	}

	private static String message(JsonNode problem, String field) {
		for (JsonNode error : problem.get("errors")) {
			if (error.get("field").asString().equals(field)) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("no error for " + field + " in " + problem);
	}

}
