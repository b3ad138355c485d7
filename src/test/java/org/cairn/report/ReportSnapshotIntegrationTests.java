package org.cairn.report;

import java.util.Map;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.Award;
import org.cairn.district.District;
import org.cairn.issuing.IssuingFixtures;
import org.cairn.support.IntegrationTest;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports are read from kept snapshots: a badge awarded or revoked, a teacher added, shows in the next report at
 * once (the change's event marks the snapshot out of date in the store); a change made to the store by hand, which
 * announces nothing, shows only after a rebuild, which proves the report was not computed again on every opening.
 */
@Import(IssuingFixtures.class)
class ReportSnapshotIntegrationTests extends IntegrationTest {

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void anAwardAndARevocationShowInTheCoverageReportAtOnce() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		Template template = fixtures.template(district, null);
		WebTestClient asAdmin = data.as(admin);
		coverage(asAdmin).jsonPath("$.alignments[0].code").isEqualTo("3d")
			.jsonPath("$.alignments[0].awards").isEqualTo(0)
			.jsonPath("$.alignments[0].badgesHeld").isEqualTo(0);
		assertThat(snapshot(district, ReportSnapshots.COVERAGE)).as("the report is kept").isNotNull();

		Award award = fixtures.grant(fixtures.award(teacher, template, "tier-1"));
		coverage(asAdmin).jsonPath("$.alignments[0].awards").isEqualTo(1).jsonPath("$.alignments[0].badgesHeld").isEqualTo(1);

		asAdmin.post()
			.uri("/api/v1/assertions/{id}/revoke", award.assertionId())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Awarded in error"))
			.exchange()
			.expectStatus()
			.isOk();
		coverage(asAdmin).jsonPath("$.alignments[0].awards").isEqualTo(1).jsonPath("$.alignments[0].badgesHeld").isEqualTo(0);
	}

	@Test
	void aChangeMadeByHandShowsAfterARebuildAndAnotherDistrictsChangeLeavesTheReportKept() {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		WebTestClient asAdmin = data.as(admin);
		participation(asAdmin).jsonPath("$.district.teachers").isEqualTo(1);
		Document kept = snapshot(district, ReportSnapshots.PARTICIPATION);

		// another district's change does not touch this district's report
		District other = data.district();
		Person elsewhere = data.person(other, Role.TEACHER);
		data.as(data.person(other, Role.DISTRICT_ADMIN)).post()
			.uri("/api/v1/people/{id}/deactivate", elsewhere.id())
			.exchange()
			.expectStatus()
			.isOk();
		participation(asAdmin).jsonPath("$.district.teachers").isEqualTo(1);
		assertThat(snapshot(district, ReportSnapshots.PARTICIPATION).get("computedAt"))
			.as("served from the kept report").isEqualTo(kept.get("computedAt"));

		// by hand in the store: nothing announces it, the kept report stands until a rebuild
		mongo.updateFirst(Query.query(Criteria.where("_id").is(teacher.id())), new Update().set("active", false),
				"people").block();
		participation(asAdmin).jsonPath("$.district.teachers").isEqualTo(1);
		asAdmin.post()
			.uri("/api/v1/reports/rebuild")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reports[0]").isEqualTo("participation")
			.jsonPath("$.reports[1]").isEqualTo("coverage");
		participation(asAdmin).jsonPath("$.district.teachers").isEqualTo(0);

		// through the people page: announced, shows at once
		asAdmin.post().uri("/api/v1/people/{id}/reactivate", teacher.id()).exchange().expectStatus().isOk();
		participation(asAdmin).jsonPath("$.district.teachers").isEqualTo(1);
	}

	@Test
	void aTeacherCannotRebuildTheReports() {
		District district = data.district();
		data.as(data.person(district, Role.TEACHER)).post().uri("/api/v1/reports/rebuild").exchange()
			.expectStatus().isForbidden();
	}

	private WebTestClient.BodyContentSpec coverage(WebTestClient admin) {
		return admin.get().uri("/api/v1/reports/coverage").exchange().expectStatus().isOk().expectBody();
	}

	private WebTestClient.BodyContentSpec participation(WebTestClient admin) {
		return admin.get().uri("/api/v1/reports/participation").exchange().expectStatus().isOk().expectBody();
	}

	private Document snapshot(District district, String kind) {
		return mongo.findById(district.id() + "/" + kind, Document.class, "report_snapshots").block();
	}

}
