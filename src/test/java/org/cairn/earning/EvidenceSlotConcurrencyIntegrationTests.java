package org.cairn.earning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrent HTTP uploads into one requirement (Parkway tier 2 artifacts, at most 10 files). Failed on main: 40
 * concurrent uploads stored 16 files, and 30 concurrent uploads of one name answered 22 {@code 500}s (duplicate
 * key).
 */
class EvidenceSlotConcurrencyIntegrationTests extends EarningTest {

	@Test
	void fortyConcurrentUploadsStoreNoMoreThanTheLimit() throws Exception {
		Fixture f = fixture();
		List<Answer> answers = concurrently(40, i -> new Answer(upload(f.client(), f.enrollmentId(), "tier-2",
				"artifacts", "photo-" + i + ".png", RealFiles.png()).expectBody(JSON).returnResult()));

		assertThat(answers).extracting(Answer::status).containsOnly(201, 409);
		assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(10);
		assertThat(answers).filteredOn(a -> a.status() == 409)
			.allSatisfy(a -> assertThat(a.json()).containsEntry("type", "urn:cairn:problem:too-many-items")
				.containsEntry("detail", "This requirement takes at most 10 files; remove one first."));
		assertThat(currentFiles(f.enrollmentId())).isEqualTo(10);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(storedFiles(f.enrollmentId())).as("GridFS files").isEqualTo(10));
	}

	@Test
	void thirtyConcurrentUploadsOfOneNameKeepOnePieceAndAnswerPlainly() throws Exception {
		Fixture f = fixture();
		List<Answer> answers = concurrently(30, i -> new Answer(upload(f.client(), f.enrollmentId(), "tier-2",
				"artifacts", "lesson.png", RealFiles.png()).expectBody(JSON).returnResult()));

		assertThat(answers).extracting(Answer::status).containsOnly(201, 409).contains(201);
		assertThat(answers).filteredOn(a -> a.status() == 409)
			.allSatisfy(a -> assertThat(a.json()).containsEntry("type", "urn:cairn:problem:upload-in-progress")
				.containsEntry("detail", "Another upload of 'lesson.png' to this requirement is still running. "
						+ "Try again when it has finished."));
		assertThat(currentFiles(f.enrollmentId())).isEqualTo(1);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(storedFiles(f.enrollmentId())).as("GridFS files").isEqualTo(1));
		// the same name again, once the others are done, replaces the draft as before
		uploaded(f.client(), f.enrollmentId(), "tier-2", "artifacts", "lesson.png", RealFiles.png());
		assertThat(currentFiles(f.enrollmentId())).isEqualTo(1);
	}

	/** Each save replaces the list (at most 20 links); ten different lists at once never add up past 20. */
	@Test
	void concurrentLinkSavesNeverAddUpPastTheLimit() throws Exception {
		Fixture f = fixture();
		List<Answer> answers = concurrently(10, i -> new Answer(f.client()
			.put()
			.uri("/api/v1/enrollments/{e}/tiers/tier-4/requirements/links/links", f.enrollmentId())
			.bodyValue(Map.of("urls", java.util.stream.IntStream.range(0, 20)
				.mapToObj(n -> "https://list" + i + ".example/" + n)
				.toList()))
			.exchange()
			.expectBody(Object.class)
			.returnResult()));
		assertThat(answers).extracting(Answer::status).containsOnly(200, 409).contains(200);
		assertThat(mongo.count(Query.query(Criteria.where("enrollmentId").is(f.enrollmentId()).and("type").is("LINK")
			.and("withdrawnAt").isNull()), "evidence").block()).isEqualTo(20);
	}

	@Test
	void aDeletedFileFreesItsPlace() {
		Fixture f = fixture();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ids.add((String) uploaded(f.client(), f.enrollmentId(), "tier-2", "artifacts", "p" + i + ".png",
					RealFiles.png()).get("id"));
		}
		upload(f.client(), f.enrollmentId(), "tier-2", "artifacts", "eleventh.png", RealFiles.png()).expectStatus()
			.isEqualTo(409);
		f.client().delete().uri("/api/v1/evidence/{id}", ids.get(3)).exchange().expectStatus().is2xxSuccessful();
		uploaded(f.client(), f.enrollmentId(), "tier-2", "artifacts", "eleventh.png", RealFiles.png());
		// replacing a name already there never counts twice
		uploaded(f.client(), f.enrollmentId(), "tier-2", "artifacts", "p0.png", RealFiles.png());
		assertThat(currentFiles(f.enrollmentId())).isEqualTo(10);
	}

	private record Fixture(WebTestClient client, String enrollmentId) {
	}

	private Fixture fixture() {
		District district = data.district();
		Person teacher = teacher(district);
		String e = approvedEnrollment(teacher, data.person(district, Role.DISTRICT_ADMIN),
				save(Parkway.unlocked(district)));
		// 40 uploads at once on a small shared machine take longer than the client's default 5 s
		return new Fixture(data.as(teacher).mutate().responseTimeout(Duration.ofSeconds(120)).build(), e);
	}

	private record Answer(int status, Object body) {

		Answer(org.springframework.test.web.reactive.server.EntityExchangeResult<?> result) {
			this(result.getStatus().value(), result.getResponseBody());
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> json() {
			return (Map<String, Object>) body;
		}

	}

	/** Starts n requests at the same moment, each on its own thread, and collects every answer. */
	private static <T> List<T> concurrently(int n, IntFunction<T> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				Callable<T> call = () -> {
					start.await();
					return request.apply(index);
				};
				futures.add(pool.submit(call));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long currentFiles(String enrollmentId) {
		return mongo.count(Query.query(Criteria.where("enrollmentId").is(enrollmentId).and("type").is("FILE")
			.and("withdrawnAt").isNull()), "evidence").block();
	}

	private long storedFiles(String enrollmentId) {
		return mongo.count(Query.query(Criteria.where("metadata.enrollmentId").is(enrollmentId)), "evidencefs.files")
			.block();
	}

}
