package org.cairn.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A badge shared widely is opened by many people at once before anyone has opened it: its baked image and
 * certificate are not rendered yet. Every one of them gets the image (once, more requests than the blocking-work
 * pool has threads all waited on a render queued behind themselves, and the service answered none of them again).
 */
@Import(IssuingFixtures.class)
class ColdPublicRenditionsIntegrationTests extends IntegrationTest {

	/** More simultaneous readers than the pool that runs blocking work has threads. */
	private static final int READERS = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE + 16;

	@Autowired
	IssuingFixtures fixtures;

	@LocalServerPort
	int port;

	@Test
	void manySimultaneousFirstReadersOfABakedImageAndACertificateAllGetThem() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		// artwork no one has drawn yet in this JVM, so the first readers find nothing rendered
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\"><circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"#"
				+ String.format("%06x", ThreadLocalRandom.current().nextInt(0x1000000)) + "\"/></svg>";
		String artwork = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null, artwork), null)).assertionId();

		ConnectionProvider pool = ConnectionProvider.builder("readers").maxConnections(READERS * 2).build();
		try {
			HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + port);
			for (String path : List.of("/public/assertions/" + id + "/image?format=png",
					"/public/assertions/" + id + "/certificate.pdf")) {
				List<Integer> statuses = Flux.range(0, READERS)
					.flatMap(i -> client.get().uri(path).responseSingle((response, body) -> body.asByteArray()
						.map(bytes -> bytes.length > 0 ? response.status().code() : -1)), READERS)
					.collectList()
					.block(Duration.ofSeconds(120));
				assertThat(statuses).as(path).hasSize(READERS).containsOnly(200);
			}
		}
		finally {
			pool.disposeLater().block(Duration.ofSeconds(10));
		}
	}

}
