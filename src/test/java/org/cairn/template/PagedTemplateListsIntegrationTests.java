package org.cairn.template;

import java.util.ArrayList;
import java.util.List;

import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's template list and the teacher's catalogue come a page at a time, in the same order page after
 * page; the catalogue's filter choices and counts come from the whole catalogue.
 */
@Import(IssuingFixtures.class)
class PagedTemplateListsIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void theTemplateListAndTheCatalogueComeAPageAtATimeWithChoicesFromTheWholeCatalogue() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		for (int i = 0; i < 3; i++) {
			fixtures.template(district, null);
		}
		Template draft = fixtures.template(district, null);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(draft.id())),
				new Update().set("status", TemplateStatus.DRAFT), Template.class).block();

		List<String> all = ids(admin.get("/api/v1/templates"));
		assertThat(all).hasSize(4).contains(draft.id());
		List<String> paged = new ArrayList<>(ids(admin.get("/api/v1/templates?size=3")));
		assertThat(paged).hasSize(3);
		paged.addAll(ids(admin.get("/api/v1/templates?size=3&page=1")));
		assertThat(paged).as("page after page, the whole list once, in its order").isEqualTo(all);
		assertThat(ids(admin.get("/api/v1/templates?size=3&page=2"))).isEmpty();

		List<String> catalogue = new ArrayList<>(ids(teacher.get("/api/v1/catalogue?size=2")));
		assertThat(catalogue).hasSize(2);
		catalogue.addAll(ids(teacher.get("/api/v1/catalogue?size=2&page=1")));
		assertThat(catalogue).hasSize(3).doesNotContain(draft.id()).isEqualTo(ids(teacher.get("/api/v1/catalogue")));

		JsonNode facets = teacher.get("/api/v1/catalogue/facets");
		assertThat(facets.get("total").asLong()).isEqualTo(3);
		assertThat(facets.get("matching").asLong()).isEqualTo(3);
		assertThat(facets.get("subjects").get(0).asString()).isEqualTo("Math");
		assertThat(facets.get("gradeBands").get(0).asString()).isEqualTo("6-8");
		assertThat(facets.get("standards").get(0).asString()).isEqualTo("Using Assessment in Instruction");
		JsonNode none = teacher.catalogueFacets("q", "photosynthesis");
		assertThat(none.get("total").asLong()).isEqualTo(3);
		assertThat(none.get("matching").asLong()).isZero();

		admin.call(org.springframework.http.HttpMethod.GET, "/api/v1/templates?size=501", null, 422);
		teacher.call(org.springframework.http.HttpMethod.GET, "/api/v1/catalogue?page=-1", null, 422);
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(t -> ids.add(t.get("id").asString()));
		return ids;
	}

}
