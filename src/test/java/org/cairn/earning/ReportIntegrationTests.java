package org.cairn.earning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.template.Alignment;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports over real earning done through the API: five teachers at different points of Parkway, so every count
 * has a known answer. Decision times are known because the attempts are back-dated in the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTests extends EarningTest {

	/** Built once for the class: the reports only read it (coverage adds a template no one enrolled in). */
	private Walk walk;

	@Autowired
	PersonRepository people;

	private static final Alignment DATA = new Alignment("Data", "https://learningforward.org/standards/", "Data",
			"Learning Forward Standards for Professional Learning (2011)", "LF2011.DATA");

	private static final Alignment GROWING = new Alignment("Growing and Developing Professionally",
			"https://danielsongroup.org/", "4e", "Danielson Framework for Teaching", "FFT.4e");

	@Test
	void templateReportCountsEachTierAndTheFunnelWithMedianTimesToDecision() {
		Walk walk = walk();
		data.as(walk.admin)
			.get()
			.uri("/api/v1/reports/templates/{id}", walk.parkway.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title").isEqualTo(walk.parkway.title())
			.jsonPath("$.versions[0]").isEqualTo(1)
			.jsonPath("$.enrollments.total").isEqualTo(4)
			.jsonPath("$.enrollments.awaitingApproval").isEqualTo(1)
			.jsonPath("$.enrollments.active").isEqualTo(3)
			.jsonPath("$.enrollments.completed").isEqualTo(0)
			.jsonPath("$.tiers.length()").isEqualTo(4)
			.jsonPath("$.tiers[0].key").isEqualTo("tier-1")
			.jsonPath("$.tiers[0].started").isEqualTo(3)
			.jsonPath("$.tiers[0].submitted").isEqualTo(2)
			.jsonPath("$.tiers[0].returned").isEqualTo(1)
			.jsonPath("$.tiers[0].passed").isEqualTo(1)
			.jsonPath("$.tiers[0].waiting").isEqualTo(0)
			.jsonPath("$.tiers[0].decisions").isEqualTo(2)
			.jsonPath("$.tiers[0].medianHoursToDecision").isEqualTo(20.0)
			.jsonPath("$.tiers[1].started").isEqualTo(1)
			.jsonPath("$.tiers[1].submitted").isEqualTo(1)
			.jsonPath("$.tiers[1].returned").isEqualTo(1)
			.jsonPath("$.tiers[1].passed").isEqualTo(0)
			.jsonPath("$.tiers[1].waiting").isEqualTo(1)
			.jsonPath("$.tiers[1].decisions").isEqualTo(1)
			.jsonPath("$.tiers[1].medianHoursToDecision").isEqualTo(50.0)
			.jsonPath("$.tiers[2].started").isEqualTo(0)
			.jsonPath("$.tiers[2].medianHoursToDecision").doesNotExist()
			.jsonPath("$.medianHoursToDecision").isEqualTo(30.0)
			.jsonPath("$.funnel[0].step").isEqualTo("Enrolled")
			.jsonPath("$.funnel[0].count").isEqualTo(4)
			.jsonPath("$.funnel[1].step").isEqualTo("Approved")
			.jsonPath("$.funnel[1].count").isEqualTo(3)
			.jsonPath("$.funnel[1].percentOfEnrolled").isEqualTo(75.0)
			.jsonPath("$.funnel[2].count").isEqualTo(2)
			.jsonPath("$.funnel[3].count").isEqualTo(1)
			.jsonPath("$.funnel[3].percentOfEnrolled").isEqualTo(25.0)
			.jsonPath("$.funnel[4].count").isEqualTo(1)
			.jsonPath("$.funnel[5].count").isEqualTo(0)
			.jsonPath("$.funnel.length()").isEqualTo(11)
			.jsonPath("$.funnel[10].step").isEqualTo("Completed")
			.jsonPath("$.funnel[10].count").isEqualTo(0);
	}

	@Test
	void participationShowsWhoIsLeftOutBySchoolAndExperience() {
		Walk walk = walk();
		data.as(walk.admin)
			.get()
			.uri("/api/v1/reports/participation")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.district.teachers").isEqualTo(5)
			.jsonPath("$.district.enrolled").isEqualTo(4)
			.jsonPath("$.district.earning").isEqualTo(3)
			.jsonPath("$.district.passedATier").isEqualTo(1)
			.jsonPath("$.district.completed").isEqualTo(0)
			.jsonPath("$.district.notStarted").isEqualTo(1)
			.jsonPath("$.district.participationPercent").isEqualTo(80.0)
			.jsonPath("$.district.stipendCents").isEqualTo(7500)
			.jsonPath("$.bySchool.length()").isEqualTo(3)
			.jsonPath("$.bySchool[0].name").isEqualTo("Central High")
			.jsonPath("$.bySchool[0].teachers").isEqualTo(1)
			.jsonPath("$.bySchool[0].enrolled").isEqualTo(0)
			.jsonPath("$.bySchool[0].notStarted").isEqualTo(1)
			.jsonPath("$.bySchool[0].participationPercent").isEqualTo(0.0)
			.jsonPath("$.bySchool[1].name").isEqualTo("Lincoln Middle")
			.jsonPath("$.bySchool[1].teachers").isEqualTo(2)
			.jsonPath("$.bySchool[1].earning").isEqualTo(2)
			.jsonPath("$.bySchool[1].passedATier").isEqualTo(1)
			.jsonPath("$.bySchool[1].stipendCents").isEqualTo(7500)
			.jsonPath("$.bySchool[2].name").isEqualTo("Maple Elementary")
			.jsonPath("$.bySchool[2].enrolled").isEqualTo(2)
			.jsonPath("$.bySchool[2].earning").isEqualTo(1)
			.jsonPath("$.byExperience.length()").isEqualTo(6)
			.jsonPath("$.byExperience[0].name").isEqualTo("0-2 years")
			.jsonPath("$.byExperience[0].teachers").isEqualTo(1)
			.jsonPath("$.byExperience[0].passedATier").isEqualTo(1)
			.jsonPath("$.byExperience[1].name").isEqualTo("3-5 years")
			.jsonPath("$.byExperience[1].notStarted").isEqualTo(1)
			.jsonPath("$.byExperience[2].name").isEqualTo("6-10 years")
			.jsonPath("$.byExperience[2].enrolled").isEqualTo(1)
			.jsonPath("$.byExperience[3].name").isEqualTo("11-20 years")
			.jsonPath("$.byExperience[3].teachers").isEqualTo(0)
			.jsonPath("$.byExperience[4].name").isEqualTo("21+ years")
			.jsonPath("$.byExperience[4].earning").isEqualTo(1)
			.jsonPath("$.byExperience[5].name").isEqualTo("Not recorded")
			.jsonPath("$.byExperience[5].enrolled").isEqualTo(1)
			.jsonPath("$.byExperience[5].earning").isEqualTo(0);
	}

	@Test
	void coverageCountsPublishedMicrocredentialsAndAwardsPerStandard() {
		Walk walk = walk();
		Template other = Parkway.template(walk.district);
		save(withAlignments(other, List.of(GROWING)));
		data.as(walk.admin)
			.get()
			.uri("/api/v1/reports/coverage")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alignments.length()").isEqualTo(2)
			.jsonPath("$.alignments[0].framework").isEqualTo("Danielson Framework for Teaching")
			.jsonPath("$.alignments[0].code").isEqualTo("FFT.4e")
			.jsonPath("$.alignments[0].publishedMicrocredentials").isEqualTo(2)
			.jsonPath("$.alignments[0].awards").isEqualTo(1)
			.jsonPath("$.alignments[1].code").isEqualTo("LF2011.DATA")
			.jsonPath("$.alignments[1].publishedMicrocredentials").isEqualTo(1)
			.jsonPath("$.alignments[1].awards").isEqualTo(1);
	}

	@Test
	void reportsStayInTheCallersDistrict() {
		District a = data.district();
		Template parkway = save(Parkway.template(a));
		District b = data.district();
		WebTestClient adminB = data.as(data.person(b, Role.DISTRICT_ADMIN));
		adminB.get()
			.uri("/api/v1/reports/templates/{id}", parkway.id())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json");
		adminB.get()
			.uri("/api/v1/reports/participation")
			.exchange()
			.expectBody()
			.jsonPath("$.district.teachers").isEqualTo(0)
			.jsonPath("$.bySchool.length()").isEqualTo(0)
			.jsonPath("$.district.participationPercent").isEqualTo(0.0);
		adminB.get().uri("/api/v1/reports/coverage").exchange().expectBody().jsonPath("$.alignments.length()").isEqualTo(0);
	}

	private Walk walk() {
		if (walk == null) {
			walk = new Walk();
		}
		return walk;
	}

	private static Template withAlignments(Template t, List<Alignment> alignments) {
		return new Template(t.id(), t.districtId(), t.familyId(), t.version(), t.status(), t.title(), t.summary(),
				t.criteria(), t.artwork(), t.tags(), alignments, t.validFor(), t.scale(), t.proposalRequired(),
				t.tiers(), t.libraryKey(), t.createdAt(), t.publishedAt(), t.revision());
	}

	/**
	 * Parkway in a fresh district. Lincoln: {@code passer} (2 years) passed tier 1 after 10 hours and has tier 2
	 * returned (after 50 hours) and resubmitted; {@code returned} (8 years) had tier 1 returned after 30 hours.
	 * Maple: {@code drafter} (25 years) has a tier 1 draft; {@code proposer} (not recorded) waits for approval.
	 * Central: {@code outsider} (4 years) never enrolled.
	 */
	private final class Walk {

		final District district = data.district();

		final Person admin = data.person(district, Role.DISTRICT_ADMIN);

		final Person assessor = data.person(district, Role.ASSESSOR);

		final Template parkway = save(withAlignments(Parkway.template(district), List.of(DATA, GROWING)));

		Walk() {
			Person passer = teacherAt("Lincoln Middle", 2);
			Person returned = teacherAt("Lincoln Middle", 8);
			Person drafter = teacherAt("Maple Elementary", 25);
			Person proposer = teacherAt("Maple Elementary", null);
			teacherAt("Central High", 4);

			String e1 = approvedEnrollment(passer, admin, parkway);
			String s1 = submitReflection(passer, e1, "tier-1", 550);
			decideAfter(s1, 1, "PASS", 1, 10);
			uploaded(data.as(passer), e1, "tier-2", "artifacts", "class.png", RealFiles.png());
			reflect(data.as(passer), e1, "tier-2", "reflection", RealFiles.words(300)).expectStatus().isOk();
			String s2 = (String) submitted(data.as(passer), e1, "tier-2").get("id");
			decideAfter(s2, 1, "RETURN", 0, 50);
			reflect(data.as(passer), e1, "tier-2", "reflection", RealFiles.words(320)).expectStatus().isOk();
			submitted(data.as(passer), e1, "tier-2");

			String e2 = approvedEnrollment(returned, admin, parkway);
			decideAfter(submitReflection(returned, e2, "tier-1", 520), 1, "RETURN", 0, 30);

			String e3 = approvedEnrollment(drafter, admin, parkway);
			reflect(data.as(drafter), e3, "tier-1", "reflection", RealFiles.words(120)).expectStatus().isOk();

			propose(data.as(proposer), (String) enroll(data.as(proposer), parkway.id()).get("id"));
		}

		private Person teacherAt(String school, Integer years) {
			Person p = teacher(district);
			return people.save(new Person(p.id(), p.districtId(), p.email(), p.displayName(), p.passwordHash(),
					p.roles(), false, school, years, null, true, p.createdAt(), p.version())).block();
		}

		private String submitReflection(Person teacher, String enrollmentId, String tier, int words) {
			reflect(data.as(teacher), enrollmentId, tier, "reflection", RealFiles.words(words)).expectStatus().isOk();
			return (String) submitted(data.as(teacher), enrollmentId, tier).get("id");
		}

		/** Decides through the API, then moves the attempt's submission back so it took {@code hours}. */
		private void decideAfter(String submissionId, int attempt, String outcome, int level, int hours) {
			Map<String, Object> body = decision(parkway.tier(tierOf(submissionId)).orElseThrow(), attempt, outcome,
					level);
			decide(data.as(assessor), submissionId, body).expectStatus().isOk();
			Document stored = mongo.findById(submissionId, Document.class, "submissions").block();
			List<Document> attempts = new ArrayList<>(stored.getList("attempts", Document.class));
			Document decided = attempts.get(attempt - 1);
			Date decidedAt = decided.getDate("decidedAt");
			mongo.updateFirst(Query.query(Criteria.where("_id").is(submissionId)),
					new Update().set("attempts." + (attempt - 1) + ".submittedAt",
							Date.from(decidedAt.toInstant().minus(Duration.ofHours(hours)))),
					"submissions")
				.block();
		}

		private String tierOf(String submissionId) {
			return mongo.findById(submissionId, Document.class, "submissions").block().getString("tierKey");
		}

	}

}
