package org.cairn.issuing;

import java.util.List;

import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.account.Sessions;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
@Import({ IssuingFixtures.class, StoreCommands.class })
class AnonymousPublicReadsIntegrationTests extends IntegrationTest {

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
		// the certificate held is the one with the credential attached (before it, each read asks whether it came)
		IssuingFixtures.credentialIssued(http, id);
		List<String> paths = List.of("/public/assertions/" + id, "/public/assertions/" + id + "/image?format=png",
				"/public/assertions/" + id + "/certificate.pdf");
		// a browser that is signed in elsewhere on the site carries its session cookie along
		WebTestClient signedIn = http.mutate().defaultCookie(Sessions.COOKIE, sessions.open(teacher.id()).block().getValue())
			.build();
		for (String path : paths) {
			// first read loads it from the store into memory
			http.get().uri(path).accept(MediaType.parseMediaType("application/ld+json")).exchange().expectStatus().isOk();
		}
		commands.clear();
		for (int i = 0; i < 5; i++) {
			for (String path : paths) {
				for (WebTestClient reader : List.of(http, signedIn)) {
					reader.get().uri(path).accept(MediaType.parseMediaType("application/ld+json")).exchange()
						.expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
				}
			}
		}
		assertThat(commands.onRequestCollections())
			.as("store commands on request collections while 30 public reads ran").isEmpty();

		// the trivial public API call (the sign-in page's buttons) neither: no session lookup, no cookie
		for (int i = 0; i < 5; i++) {
			http.get().uri("/api/v1/auth/providers").exchange().expectStatus().isOk()
				.expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		}
		assertThat(commands.onRequestCollections())
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

}
