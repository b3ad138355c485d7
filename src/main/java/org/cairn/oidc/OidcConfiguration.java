package org.cairn.oidc;

import java.time.Clock;

import org.cairn.account.PersonRepository;
import org.cairn.account.SessionProperties;
import org.cairn.account.Sessions;
import org.cairn.district.DistrictRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Plugs OpenID Connect sign-in into the one security chain (see the account feature's SecurityConfiguration).
 * Spring Security's defaults keep the authorization request, the security context and the provider's tokens in
 * this instance's memory; each is replaced: the request goes to MongoDB, the outcome is a Cairn session, and the
 * provider's tokens are not kept at all (Cairn only needs to know who signed in).
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

	@Bean
	ReactiveClientRegistrationRepository oidcClientRegistrations(OidcProperties properties) {
		return new OidcClientRegistrations(properties);
	}

	@Bean
	OidcSignIn oidcSignIn(OidcProperties properties, DistrictRepository districts, PersonRepository people,
			Sessions sessions) {
		return new OidcSignIn(properties, districts, people, sessions);
	}

	@Bean
	Customizer<ServerHttpSecurity.OAuth2LoginSpec> openIdConnectLogin(ReactiveClientRegistrationRepository clients,
			OidcSignIn signIn, ReactiveMongoTemplate mongo, Clock clock,
			SessionProperties session) {
		return login -> login.clientRegistrationRepository(clients)
			.authorizationRequestRepository(new OidcAuthorizationRequests(mongo, clock, session.secureCookie()))
			.authorizedClientRepository(new NoAuthorizedClients())
			.oidcSessionRegistry(new NoOidcSessions())
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authenticationSuccessHandler(signIn)
			.authenticationFailureHandler(signIn)
			// The single-page app's page; also keeps Spring Security from generating a login page of its own.
			.loginPage(OidcSignIn.SIGN_IN_PAGE);
	}

	/** The provider's access and refresh tokens are not needed after sign-in, so none are kept. */
	static class NoAuthorizedClients implements ServerOAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String id, Authentication principal,
				ServerWebExchange exchange) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				ServerWebExchange exchange) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> removeAuthorizedClient(String id, Authentication principal, ServerWebExchange exchange) {
			return Mono.empty();
		}

	}

	/** No provider-initiated logout yet, so no per-instance registry of provider sessions. */
	static class NoOidcSessions implements ReactiveOidcSessionRegistry {

		@Override
		public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
			return Mono.empty();
		}

		@Override
		public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
			return Mono.empty();
		}

		@Override
		public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
			return Flux.empty();
		}

	}

}
