package org.cairn.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.template.TemplateApi.alignment;
import static org.cairn.template.TemplateApi.content;
import static org.cairn.template.TemplateApi.criterion;
import static org.cairn.template.TemplateApi.map;
import static org.cairn.template.TemplateApi.reflection;
import static org.cairn.template.TemplateApi.requirement;
import static org.cairn.template.TemplateApi.tier;

/**
 * The first "done when": an administrator builds Parkway's four-tier template through the API, gets the
 * library's structure, and a teacher finds it in the catalogue by standard; Derry's by Danielson Cluster 2.
 */
class ParkwayTemplateIntegrationTests extends IntegrationTest {

	private static final String LF2011 = "Learning Forward Standards for Professional Learning (2011)";

	@Test
	void adminBuildsParkwayFromScratchWithTheLibrarysStructureAndTeachersFindItByTheDataStandard() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));

		// Tier by tier, as an author would: save the draft with the first tier, then replace it as tiers are added.
		List<Map<String, Object>> tiers = new ArrayList<>(List.of(parkwayTier1()));
		JsonNode draft = admin.post("/api/v1/templates", parkway(tiers), 201);
		String id = draft.get("id").asString();
		for (Map<String, Object> next : List.of(parkwayTier2(), parkwayTier3(), parkwayTier4())) {
			tiers.add(next);
			draft = admin.put("/api/v1/templates/" + id, parkway(tiers), 200);
		}
		assertThat(draft.get("problems")).isEmpty();
		assertThat(draft.get("totalStipendCents").asLong()).isEqualTo(30_000);

		JsonNode library = admin.adopt("parkway-personalized-learning");
		assertThat(shape(draft.get("content"))).isEqualTo(shape(library.get("content")));

		admin.publish(id);
		JsonNode byCode = teacher.catalogue("standard", "LF2011.DATA");
		assertThat(ids(byCode)).containsExactly(id);
		JsonNode byName = teacher.catalogue("standard", "Data", "tiers", "4", "stipendMin", "30000", "stipendMax",
				"30000");
		assertThat(ids(byName)).containsExactly(id);
		JsonNode item = byName.get(0);
		assertThat(item.get("totalStipendCents").asLong()).isEqualTo(30_000);
		assertThat(item.get("tiers").findValuesAsString("runningTotalCents")).containsExactly("7500", "15000",
				"22500", "30000");
		assertThat(item.get("tiers").get(0).get("requirements").get(1).asString())
			.isEqualTo("A written reflection of 500-600 words, or a video of 2-3 minutes");
		assertThat(ids(teacher.catalogue("standard", "LF2011.LC"))).isEmpty();
		assertThat(ids(teacher.catalogue("q", "personalized research"))).isEmpty();
		assertThat(ids(teacher.catalogue("q", "PARKWAY learning"))).containsExactly(id);
	}

	@Test
	void teacherFindsDerrysDataMicrocredentialByCluster2AndItsComponents() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		String derry = admin.adopt("derry-data").get("id").asString();
		admin.publish(derry);
		String tech = admin.adopt("technology-integration").get("id").asString();
		admin.publish(tech);
		admin.adopt("derry-learning-communities"); // a draft: never in the catalogue

		assertThat(ids(teacher.catalogue("cluster", "2"))).containsExactly(derry);
		assertThat(ids(teacher.catalogue("cluster", "FFT.C2"))).containsExactly(derry);
		assertThat(ids(teacher.catalogue("cluster", "C3"))).isEmpty();
		// 2a is not aligned directly: it is found because Cluster 2 draws on it.
		assertThat(ids(teacher.catalogue("component", "2a"))).containsExactly(derry);
		assertThat(ids(teacher.catalogue("component", "3d"))).containsExactly(derry);
		assertThat(ids(teacher.catalogue("standard", "Data"))).containsExactly(derry);
		assertThat(ids(teacher.catalogue("framework", "ISTE-E"))).containsExactly(tech);
		assertThat(ids(teacher.catalogue("standard", "ISTE-E.2.5", "gradeBand", "k-12", "subject", "all subjects")))
			.containsExactly(tech);
		assertThat(ids(teacher.catalogue("tiers", "3"))).containsExactlyInAnyOrder(derry, tech);
		assertThat(ids(teacher.catalogue("stipendMin", "1"))).containsExactly(tech);

		JsonNode preview = teacher.get("/api/v1/catalogue/" + derry);
		assertThat(preview.get("levels").findValuesAsString("levels")).isEmpty();
		assertThat(preview.get("tiers").get(0).get("awardedSeparately").asBoolean()).isFalse();
		assertThat(preview.get("tiers").get(0).get("requirements").get(1).get("toPass").asString())
			.isEqualTo("Every criterion at Proficient or above");
		teacher.call(org.springframework.http.HttpMethod.GET, "/api/v1/catalogue/" + admin
			.get("/api/v1/templates?status=DRAFT").get(0).get("id").asString(), null, 404);
	}

	@Test
	void previewShowsWhatEachTierTakesHowItIsScoredAndWhatItPays() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		String id = admin.adopt("parkway-personalized-learning").get("id").asString();
		JsonNode preview = admin.get("/api/v1/templates/" + id + "/preview");
		assertThat(preview.get("proposalRequired").asBoolean()).isTrue();
		assertThat(preview.get("totalStipendCents").asLong()).isEqualTo(30_000);
		JsonNode tier4 = preview.get("tiers").get(3);
		assertThat(tier4.get("runningTotalCents").asLong()).isEqualTo(30_000);
		assertThat(tier4.get("requires").toString()).isEqualTo(
				"[\"Tier 1: Evidence of learning\",\"Tier 2: Evidence of implementation\",\"Tier 3: Evidence of impact\"]");
		JsonNode reflection = tier4.get("requirements").get(2);
		assertThat(reflection.get("asks").asString())
			.isEqualTo("A written reflection of 250-350 words, or a video of 1-2 minutes");
		assertThat(reflection.get("toPass").asString()).isEqualTo("Every criterion at On track");
		assertThat(reflection.get("criteria").get(1).get("levels").get(0).get("level").asString())
			.isEqualTo("Not yet on track");
	}

	private static Map<String, Object> parkway(List<Map<String, Object>> tiers) {
		return content("Parkway Personalized Learning",
				List.of(alignment("Learning Designs", "LF2011.LD", LF2011),
						alignment("Implementation", "LF2011.IMPL", LF2011), alignment("Data", "LF2011.DATA", LF2011),
						alignment("Outcomes", "LF2011.OUTCOMES", LF2011),
						alignment("Growing and Developing Professionally", "FFT.4e", "Danielson Framework for Teaching")),
				TemplateApi.twoLevelScale(), true, tiers);
	}

	private static Map<String, Object> length() {
		return criterion("length", "Length", "Too short", "Meets the minimum length");
	}

	private static Map<String, Object> parkwayTier1() {
		return tier("tier-1", "Evidence of learning", List.of(), 7500, List.of(
				requirement("learning-resources", "LINKS", "Two resources", map("minItems", 2, "maxItems", 5), List.of(),
						List.of(criterion("two-resources", "Two resources", "Fewer than two", "Two"),
								criterion("published-source", "A published source", "None published", "Published"))),
				reflection("learning-reflection", "What you learned", 500, 600, 120, 180,
						List.of(length(), criterion("meaning-made", "Meaning", "General", "Specific"),
								criterion("classroom-connection", "Connection", "None", "Connected")))));
	}

	private static Map<String, Object> parkwayTier2() {
		return tier("tier-2", "Evidence of implementation", List.of("tier-1"), 7500, List.of(
				requirement("implementation-artifacts", "ARTIFACTS", "Artifacts", map("minItems", 1, "maxItems", 10),
						List.of("IMAGE", "PDF", "VIDEO", "DOCUMENT", "PRESENTATION"),
						List.of(criterion("shows-implementation", "Shows implementation", "No", "Yes"))),
				reflection("implementation-reflection", "Implementation reflection", 250, 350, 60, 120,
						List.of(length(), criterion("desired-outcome", "Desired outcome", "Vague", "Named"),
								criterion("curriculum-link", "Curriculum link", "None", "Linked")))));
	}

	private static Map<String, Object> parkwayTier3() {
		return tier("tier-3", "Evidence of impact", List.of("tier-1", "tier-2"), 7500, List.of(
				requirement("impact-data", "DATA", "Impact data", map("minItems", 1, "maxItems", 5),
						List.of("SPREADSHEET", "PDF", "DOCUMENT", "IMAGE"),
						List.of(criterion("data-submitted", "Data submitted", "No", "Yes"))),
				reflection("impact-reflection", "Impact reflection", 250, 350, 60, 120,
						List.of(length(), criterion("explains-data", "Explains the data", "Unclear", "Clear"),
								criterion("learning-goal", "Learning goal", "Missing", "Named"),
								criterion("weighs-results", "Weighs results", "No", "Yes")))));
	}

	private static Map<String, Object> parkwayTier4() {
		return tier("tier-4", "Evidence of sharing", List.of("tier-1", "tier-2", "tier-3"), 7500, List.of(
				requirement("lesson-plan", "ARTIFACTS", "Lesson plan", map("minItems", 1, "maxItems", 5),
						List.of("DOCUMENT", "PDF", "PRESENTATION"),
						List.of(criterion("implementable", "Implementable", "No", "Yes"))),
				requirement("resource-links", "LINKS", "Resources", map("minItems", 1, "maxItems", 20), List.of(),
						List.of(criterion("all-resources", "All resources", "Missing", "All"))),
				reflection("sharing-reflection", "Lessons learned", 250, 350, 60, 120,
						List.of(length(), criterion("lessons-learned", "Lessons learned", "General", "Specific"),
								criterion("revisions", "Revisions", "General", "Specific")))));
	}

	/**
	 * The structure of a template without its wording: scale, proposal, alignment codes, and per tier its key,
	 * prerequisites, award mode, stipend and each requirement's kind, limits, accepted files and criterion keys.
	 */
	static JsonNode shape(JsonNode content) {
		JsonNodeFactory f = JsonNodeFactory.instance;
		ObjectNode shape = f.objectNode();
		shape.set("scale", content.get("scale"));
		shape.set("proposalRequired", content.get("proposalRequired"));
		ArrayNode codes = shape.putArray("alignments");
		content.get("alignments").forEach(a -> codes.add(a.get("targetCode").asString()));
		ArrayNode tiers = shape.putArray("tiers");
		for (JsonNode tier : content.get("tiers")) {
			ObjectNode t = tiers.addObject();
			for (String field : List.of("key", "requires", "awardedSeparately", "stipendCents")) {
				t.set(field, tier.get(field));
			}
			ArrayNode requirements = t.putArray("requirements");
			for (JsonNode r : tier.get("requirements")) {
				ObjectNode req = requirements.addObject();
				for (String field : List.of("key", "kind", "minWords", "maxWords", "minSeconds", "maxSeconds",
						"minItems", "maxItems", "allowedKinds", "passRule")) {
					req.set(field, r.get(field));
				}
				ArrayNode criteria = req.putArray("criteria");
				r.get("criteria").forEach(c -> criteria.add(c.get("key").asString() + "/" + c.get("descriptors").size()));
			}
		}
		return shape;
	}

	static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

}
