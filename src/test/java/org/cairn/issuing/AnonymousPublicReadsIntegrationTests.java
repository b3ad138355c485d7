package org.cairn.issuing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.account.Sessions;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an anonymous read of a shared badge costs and leaves behind: no store call (not even for a session cookie the
 * browser happens to carry), no CSRF token, no cookie; while private answers stay out of shared caches and a
 * signed-in browser still gets its CSRF token. The store's commands are observed with a driver command listener.
 */
@Import({ IssuingFixtures.class, AnonymousPublicReadsIntegrationTests.StoreCommands.class })
class AnonymousPublicReadsIntegrationTests extends IntegrationTest {

	/** Collections a request could touch; background workers (bulk, webhooks, sweep, generations) are left out. */
	private static final Set<String> REQUEST_COLLECTIONS = Set.of("sessions", "people", "access_tokens",
			"issuing_assertions", "issuing_issuers", "issuing_badge_classes", "districts", "templates",
			"signing_keys", "issuing_portfolios");

	@Autowired
	IssuingFixtures fixtures;

	@Autowired
	StoreCommands commands;

	@Autowired
	Sessions sessions;

	@Test
	void readingPublicDocumentsCallsNoStoreAndSetsNoCookieEvenWithASessionCookie() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		String id = fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), null)).assertionId();
		List<String> paths = List.of("/public/assertions/" + id, "/public/assertions/" + id + "/image?format=png",
				"/public/assertions/" + id + "/certificate.pdf");
		// a browser that is signed in elsewhere on the site carries its session cookie along
		WebTestClient signedIn = http.mutate().defaultCookie(Sessions.COOKIE, sessions.open(teacher.id()).block().getValue())
			.build();
		for (String path : paths) {
			// first read loads it from the store into memory
			http.get().uri(path).accept(MediaType.parseMediaType("application/ld+json")).exchange().expectStatus().isOk();
		}
		commands.seen.clear();
		for (int i = 0; i < 5; i++) {
			for (String path : paths) {
				for (WebTestClient reader : List.of(http, signedIn)) {
					reader.get().uri(path).accept(MediaType.parseMediaType("application/ld+json")).exchange()
						.expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
				}
			}
		}
		assertThat(commands.seen.stream().filter(c -> REQUEST_COLLECTIONS.contains(c)).toList())
			.as("store commands on request collections while 30 public reads ran").isEmpty();

		// the trivial public API call (the sign-in page's buttons) neither: no session lookup, no cookie
		for (int i = 0; i < 5; i++) {
			http.get().uri("/api/v1/auth/providers").exchange().expectStatus().isOk()
				.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		}
		assertThat(commands.seen.stream().filter(c -> REQUEST_COLLECTIONS.contains(c)).toList())
			.as("store commands on request collections after the trivial API calls too").isEmpty();
	}

	@Test
	void privateAnswersStayOutOfSharedCachesAndSignedInBrowsersStillGetTheirCsrfToken() {
		District district = data.district();
		Person teacher = data.person(district, Role.TEACHER);
		fixtures.grant(fixtures.award(teacher, fixtures.template(district, null), null));
		String session = sessions.open(teacher.id()).block().getValue();
		for (String path : List.of("/api/v1/me", "/api/v1/me/badges", "/api/v1/me/portfolio")) {
			http.get().uri(path).cookie(Sessions.COOKIE, session).exchange().expectStatus().isOk()
				.expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("no-store")
					.doesNotContain("public"))
				.expectHeader().value(HttpHeaders.SET_COOKIE, v -> assertThat(v).startsWith("XSRF-TOKEN="));
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StoreCommands {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@Bean
		MongoClientSettingsBuilderCustomizer storeCommandListener() {
			return settings -> settings.addCommandListener(new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					var command = event.getCommand();
					String first = command.getFirstKey();
					var value = command.get(first);
					seen.add(value != null && value.isString() ? value.asString().getValue() : first);
				}
			});
		}

	}

}
