package org.cairn.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.cairn.CairnApplication;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.account.Sessions;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service stopped and started again on one data directory, as an operator restarts it: what was
 * written before is there after, and closing the first instance released the store file for the second.
 */
class RestartIntegrationTests {

	static final String ADMIN_EMAIL = "platform-admin@cairn.test";

	@TempDir
	Path dataDir;

	@Test
	void districtsPeopleAndSessionsSurviveARestartOfTheEmbeddedStore() {
		District district;
		Person teacher;
		String session;
		try (ConfigurableApplicationContext first = start()) {
			district = first.getBean(DistrictRepository.class).save(district("restart-district")).block();
			teacher = first.getBean(PersonRepository.class).save(new Person(null, district.id(),
					"teacher@restart.example.org", "Robin Restart", null, Set.of(Role.TEACHER), false, "North",
					4, null, true, Instant.now(), null)).block();
			session = first.getBean(Sessions.class).open(teacher.id()).block().getValue();
		}
		assertThat(Files.exists(dataDir.resolve("cairn.mv"))).isTrue();

		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(DistrictRepository.class).findBySlug("restart-district").block())
				.extracting(District::id, District::name)
				.containsExactly(district.id(), "District restart-district");
			// The browser's session, opened before the restart, still signs the teacher in.
			client(second).get().uri("/api/v1/me").cookie(Sessions.COOKIE, session).exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.id").isEqualTo(teacher.id())
				.jsonPath("$.districtId").isEqualTo(district.id());
			// The configured platform administrator was created by the first start only.
			assertThat(second.getBean(ReactiveMongoTemplate.class)
				.count(Query.query(Criteria.where("email").is(ADMIN_EMAIL)), Person.class).block()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		// Command-line arguments, as an operator gives them: they outrank application.yml (builder properties don't).
		return new SpringApplicationBuilder(CairnApplication.class).run("--cairn.data-dir=" + dataDir,
				"--server.port=0", "--cairn.public-base-url=https://cairn.test", "--cairn.bootstrap.admin-email="
						+ ADMIN_EMAIL, "--cairn.bootstrap.admin-password=a long platform passphrase",
				"--spring.main.banner-mode=off");
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	private static District district(String slug) {
		return new District(null, slug, "District " + slug, "https://" + slug + ".example.org",
				"pd@" + slug + ".example.org", null, null, "#1f6f5c", "America/Chicago", 7, 0, false, false,
				District.DEFAULT_MAX_UPLOAD_BYTES, Instant.now(), null);
	}

}
