package org.cairn.template;

import java.util.List;
import java.util.Map;

import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairn.template.TemplateApi.alignment;
import static org.cairn.template.TemplateApi.simple;

/**
 * Templates stored before the framework data was corrected keep their alignment codes and come to carry the
 * corrected names, whether the correction runs once, twice or on two instances at the same moment.
 */
class FrameworkCorrectionsIntegrationTests extends IntegrationTest {

	private static final String FFT = "Danielson Framework for Teaching";

	private static final String LF2022 = "Learning Forward Standards for Professional Learning (2022)";

	@Autowired
	FrameworkCorrections corrections;

	@Test
	void storedTemplatesKeepTheirCodesAndCarryTheCorrectedNames() {
		District district = data.district();
		TemplateApi admin = new TemplateApi(data.as(data.person(district, Role.DISTRICT_ADMIN)));
		TemplateApi teacher = new TemplateApi(data.as(data.person(district, Role.TEACHER)));
		// what the earlier data made the editor store
		Map<String, Object> old = simple("Professional community practice");
		old.put("alignments", List.of(
				alignment("Participating in the Professional Community", "FFT.4d", FFT),
				alignment("Safe, Respectful, Supportive, and Challenging Learning Environment", "FFT.C2", FFT),
				alignment("Equity Practices", "LF2022.EQUITY-PRACTICES", LF2022),
				alignment("Our own idea", "LOCAL.1", "Our district's framework")));
		String id = admin.post("/api/v1/templates", old, 201).get("id").asString();
		admin.publish(id);

		// two instances starting together
		List<Long> corrected = Mono.zip(corrections.correctAll(), corrections.correctAll())
			.map(t -> List.of(t.getT1(), t.getT2()))
			.block();
		assertThat(corrected.stream().mapToLong(Long::longValue).sum()).as("this template corrected once")
			.isGreaterThanOrEqualTo(1);
		assertThat(corrections.correctAll().block()).as("a third run finds nothing left to do").isZero();

		JsonNode alignments = admin.get("/api/v1/templates/" + id).get("content").get("alignments");
		assertThat(alignments.findValuesAsString("targetCode")).containsExactly("FFT.4d", "FFT.C2",
				"LF2022.EQUITY-PRACTICES", "LOCAL.1");
		assertThat(alignments.findValuesAsString("targetName")).containsExactly(
				"Participating in a Professional Community",
				"A Safe, Respectful, Supportive, and Challenging Learning Environment", "Equity Practices",
				"Our own idea");
		assertThat(alignments.get(2).get("targetUrl").asString()).endsWith("/rigorous-content-for-each-learner/equity-practices");
		assertThat(alignments.get(3).get("targetDescription").asString()).as("a district's own framework is untouched")
			.isEqualTo("Aligned");
		assertThat(admin.get("/api/v1/templates/" + id).get("status").asString()).isEqualTo("PUBLISHED");

		// the catalogue finds it by the Group's cluster name and by a component the corrected cluster draws on
		assertThat(ParkwayTemplateIntegrationTests.ids(teacher.catalogue("cluster",
				"A Safe, Respectful, Supportive, and Challenging Learning Environment"))).contains(id);
		assertThat(ParkwayTemplateIntegrationTests.ids(teacher.catalogue("component", "2b"))).contains(id);
		assertThat(ParkwayTemplateIntegrationTests.ids(teacher.catalogue("component", "2d")))
			.as("Cluster 2 no longer draws on 2d")
			.doesNotContain(id);
	}

}
