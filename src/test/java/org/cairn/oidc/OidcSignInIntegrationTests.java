package org.cairn.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.cairn.account.ExternalServersTest;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.account.Sessions;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole browser round trip against a real OpenID Connect provider in this JVM: Cairn's redirect, the
 * provider's authorization endpoint, the callback, the code-for-token exchange and ID-token validation.
 */
class OidcSignInIntegrationTests extends ExternalServersTest {

	private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	DistrictRepository districts;

	@LocalServerPort
	int port;

	District districtA;

	District districtB;

	@BeforeEach
	void districtsWithProviders() {
		districtA = district(SLUG_A);
		districtB = district(SLUG_B);
	}

	@Test
	void verifiedEmailSignsInThePersonOfTheProvidersDistrict() throws Exception {
		Person teacher = data.person(districtA, Role.TEACHER);
		SignInResult result = signIn("district-a", ISSUER_A,
				Map.of("email", teacher.email().toUpperCase(), "email_verified", true));

		assertThat(result.location()).isEqualTo("/");
		http.get().uri("/api/v1/me").cookie(Sessions.COOKIE, result.session()).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.id").isEqualTo(teacher.id())
			.jsonPath("$.districtId").isEqualTo(districtA.id());
	}

	@Test
	void unknownEmailGoesBackToSignInAndCreatesNobody() throws Exception {
		SignInResult result = signIn("district-a", ISSUER_A,
				Map.of("email", "stranger-" + UUID.randomUUID() + "@example.org", "email_verified", true));
		assertThat(result.location()).isEqualTo("/sign-in?error=unknown-account");
		assertThat(result.session()).isNull();
	}

	@Test
	void aProviderOnlySignsInPeopleOfItsOwnDistrict() throws Exception {
		Person teacherOfB = data.person(districtB, Role.TEACHER);
		SignInResult result = signIn("district-a", ISSUER_A,
				Map.of("email", teacherOfB.email(), "email_verified", true));
		assertThat(result.location()).isEqualTo("/sign-in?error=unknown-account");
		assertThat(result.session()).isNull();
	}

	@Test
	void anUnverifiedEmailIsRefusedWhereVerificationIsRequired() throws Exception {
		Person teacher = data.person(districtA, Role.TEACHER);
		SignInResult result = signIn("district-a", ISSUER_A, Map.of("email", teacher.email(), "email_verified", false));
		assertThat(result.location()).isEqualTo("/sign-in?error=email-not-verified");
		assertThat(result.session()).isNull();
	}

	@Test
	void entraStyleProviderTakesThePreferredUsername() throws Exception {
		Person assessor = data.person(districtB, Role.ASSESSOR);
		SignInResult result = signIn("district-b", ISSUER_B, Map.of("preferred_username", assessor.email()));
		http.get().uri("/api/v1/me").cookie(Sessions.COOKIE, result.session()).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(assessor.id()).jsonPath("$.districtId").isEqualTo(districtB.id());
	}

	@Test
	void aCallbackFromAnotherBrowserIsRefused() throws Exception {
		Person teacher = data.person(districtA, Role.TEACHER);
		Started started = start("district-a");
		URI callback = authorize(started.providerUrl(), ISSUER_A,
				Map.of("email", teacher.email(), "email_verified", true));
		// Login CSRF: the victim's browser lacks the binding cookie of the attacker's authorization request.
		var result = http.get().uri(localPath(callback)).exchange()
			.expectStatus().isFound()
			.expectBody().returnResult();
		assertThat(result.getResponseHeaders().getLocation()).hasToString("/sign-in?error=sign-in-failed");
		assertThat(sessionFrom(result)).isNull();
	}

	@Test
	void signInButtonsArePublic() {
		http.get().uri("/api/v1/auth/providers").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.length()").isEqualTo(2)
			.jsonPath("$[0].name").isEqualTo("District A Google")
			.jsonPath("$[0].signInUrl").isEqualTo("/oauth2/authorization/district-a")
			.jsonPath("$[1].districtSlug").isEqualTo(SLUG_B);
	}

	private SignInResult signIn(String registrationId, String issuer, Map<String, Object> claims) throws Exception {
		Started started = start(registrationId);
		URI callback = authorize(started.providerUrl(), issuer, claims);
		var result = http.get().uri(localPath(callback)).cookie(OidcAuthorizationRequests.COOKIE, started.binding())
			.exchange()
			.expectStatus().isFound()
			.expectBody().returnResult();
		return new SignInResult(result.getResponseHeaders().getLocation().toString(), sessionFrom(result));
	}

	/** Cairn's sign-in button: redirects to the provider and binds the request to this browser. */
	private Started start(String registrationId) {
		var result = http.get().uri("/oauth2/authorization/" + registrationId).exchange()
			.expectStatus().isFound()
			.expectBody().returnResult();
		ResponseCookie binding = result.getResponseCookies().getFirst(OidcAuthorizationRequests.COOKIE);
		assertThat(binding).isNotNull();
		assertThat(binding.isHttpOnly()).isTrue();
		return new Started(result.getResponseHeaders().getLocation(), binding.getValue());
	}

	/** The provider authenticates the person (with these claims) and sends the browser back with a code. */
	private URI authorize(URI providerUrl, String issuer, Map<String, Object> claims) throws Exception {
		assertThat(providerUrl.toString()).startsWith(OIDC.issuerUrl(issuer).toString());
		OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, "subject-" + UUID.randomUUID(),
				JOSEObjectType.JWT.getType(), List.of(CLIENT_ID), claims, 3600));
		HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(providerUrl).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	/**
	 * The callback on this server, kept exactly as the provider encoded it. Absolute, because a relative
	 * {@code URI} would bypass the test client's base URL.
	 */
	private URI localPath(URI callback) {
		assertThat(callback.getPath()).startsWith("/login/oauth2/code/");
		return URI.create("http://localhost:" + port + callback.getRawPath() + "?" + callback.getRawQuery());
	}

	private static String sessionFrom(EntityExchangeResult<?> result) {
		ResponseCookie cookie = result.getResponseCookies().getFirst(Sessions.COOKIE);
		return cookie == null ? null : cookie.getValue();
	}

	private District district(String slug) {
		return districts.findBySlug(slug)
			.switchIfEmpty(districts.save(new District(null, slug, "District " + slug, "https://" + slug + ".example",
					"pd@" + slug + ".example", null, null, "#1f6f5c", "America/Chicago", 7, 0, false, false,
					District.DEFAULT_MAX_UPLOAD_BYTES, Instant.now(), null)))
			.block();
	}

	record Started(URI providerUrl, String binding) {
	}

	record SignInResult(String location, String session) {
	}

}
