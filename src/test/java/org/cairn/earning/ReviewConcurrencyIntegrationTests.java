package org.cairn.earning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.award.AwardRepository;
import org.cairn.district.District;
import org.cairn.template.Template;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly-once decisions, awards and budget commitments under concurrent and repeated calls. */
class ReviewConcurrencyIntegrationTests extends EarningTest {

	@Autowired
	AwardRepository awards;

	@Test
	void twoDecidersAtOnceProduceOneDecision() throws Exception {
		// the assigned assessor and an admin (admins may decide any submission) press at the same moment
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		String submissionId = submittedTierOne(teacher, admin, parkway);
		var pass = decision(parkway.tiers().get(0), 1, "PASS", 1);
		var ret = decision(parkway.tiers().get(0), 1, "RETURN", 0);
		List<Integer> statuses = concurrently(List.of(() -> status(decide(data.as(assessor), submissionId, pass)),
				() -> status(decide(data.as(admin), submissionId, ret))));
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		data.as(admin)
			.get()
			.uri("/api/v1/submissions/{id}", submissionId)
			.exchange()
			.expectBody()
			.jsonPath("$.attempts.length()")
			.isEqualTo(1)
			.jsonPath("$.attempts[0].outcome")
			.exists();
		long awarded = awards.findByDistrictIdAndPersonId(district.id(), teacher.id()).count().block();
		assertThat(awarded).isEqualTo(statuses.get(0) == 200 ? 1 : 0);
	}

	@Test
	void retriedPassProducesOneAwardAndOneStipend() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person assessor = data.person(district, Role.ASSESSOR);
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		String submissionId = submittedTierOne(teacher, admin, parkway);
		var pass = decision(parkway.tiers().get(0), 1, "PASS", 1);
		List<Callable<Integer>> retries = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			retries.add(() -> status(decide(data.as(assessor), submissionId, pass)));
		}
		assertThat(concurrently(retries)).containsOnly(200);
		assertThat(status(decide(data.as(assessor), submissionId, pass))).isEqualTo(200);
		assertThat(awards.findByDistrictIdAndPersonId(district.id(), teacher.id()).collectList().block())
			.singleElement()
			.satisfies(a -> assertThat(a.tierKey()).isEqualTo("tier-1"));
		data.as(teacher)
			.get()
			.uri("/api/v1/stipends")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
		data.as(admin).get().uri("/api/v1/budget").exchange().expectBody().jsonPath("$.paidCents").isEqualTo(7500);
	}

	@Test
	void concurrentApprovalsNeverOverspendTheBudget() throws Exception {
		District district = withSettings(data.district(), 50_000, false, false, 10_000_000);
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Template parkway = save(Parkway.template(district));
		List<String> enrollments = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Person teacher = teacher(district);
			String id = (String) enroll(data.as(teacher), parkway.id()).get("id");
			propose(data.as(teacher), id);
			enrollments.add(id);
		}
		List<Callable<Integer>> approvals = enrollments.stream()
			.<Callable<Integer>>map(id -> () -> status(decideProposal(data.as(admin), id, "APPROVE", null)))
			.toList();
		assertThat(concurrently(approvals)).containsExactlyInAnyOrder(200, 409, 409);
		data.as(admin)
			.get()
			.uri("/api/v1/budget")
			.exchange()
			.expectBody()
			.jsonPath("$.committedCents")
			.isEqualTo(30_000)
			.jsonPath("$.remainingCents")
			.isEqualTo(20_000);
		data.as(admin)
			.get()
			.uri("/api/v1/enrollments?scope=district&state=PROPOSED")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2);
	}

	@Test
	void approvalBeyondTheBudgetIsRefusedWithTheFigures() {
		District district = withSettings(data.district(), 20_000, false, false, 10_000_000);
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		String id = (String) enroll(data.as(teacher), parkway.id()).get("id");
		propose(data.as(teacher), id);
		decideProposal(data.as(admin), id, "APPROVE", null).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:cairn:problem:budget-exceeded")
			.jsonPath("$.committedCents")
			.isEqualTo(0)
			.jsonPath("$.remainingCents")
			.isEqualTo(20_000)
			.jsonPath("$.requestedCents")
			.isEqualTo(30_000);
		data.as(teacher)
			.get()
			.uri("/api/v1/enrollments/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PROPOSED");
	}

	@Test
	void autoApprovalStillChecksTheBudget() {
		District district = withSettings(data.district(), 40_000, true, false, 10_000_000);
		Template parkway = save(Parkway.template(district));
		Person first = teacher(district);
		Person second = teacher(district);
		String a = (String) enroll(data.as(first), parkway.id()).get("id");
		assertThat(propose(data.as(first), a)).containsEntry("state", "ACTIVE").containsEntry("decidedBy", "auto");
		String b = (String) enroll(data.as(second), parkway.id()).get("id");
		assertThat(propose(data.as(second), b)).containsEntry("state", "PROPOSED");
	}

	@Test
	void startingTwiceKeepsOneEnrollment() {
		District district = data.district();
		Person teacher = teacher(district);
		Template parkway = save(Parkway.template(district));
		String id = (String) enroll(data.as(teacher), parkway.id()).get("id");
		data.as(teacher)
			.post()
			.uri("/api/v1/enrollments")
			.bodyValue(Map.of("templateId", parkway.id()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id);
	}

	private String submittedTierOne(Person teacher, Person admin, Template parkway) {
		String enrollmentId = approvedEnrollment(teacher, admin, parkway);
		reflect(data.as(teacher), enrollmentId, "tier-1", "reflection", RealFiles.words(550)).expectStatus().isOk();
		return (String) submitted(data.as(teacher), enrollmentId, "tier-1").get("id");
	}

	static int status(WebTestClient.ResponseSpec response) {
		return response.returnResult(String.class).getStatus().value();
	}

	static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					go.await();
					return call.call();
				}));
			}
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
