package org.cairn.oidc;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Client registrations built from {@link OidcProperties}. Each provider's discovery document is fetched on first
 * use, not at start, so an unreachable provider never keeps Cairn from starting; a failed fetch is retried on the
 * next sign-in. The cache is derived from configuration only, so it is safe per instance.
 */
class OidcClientRegistrations implements ReactiveClientRegistrationRepository {

	private final OidcProperties properties;

	private final Map<String, Mono<ClientRegistration>> registrations = new ConcurrentHashMap<>();

	OidcClientRegistrations(OidcProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		OidcProperties.Provider provider = properties.providers().get(registrationId);
		if (provider == null) {
			return Mono.empty();
		}
		return registrations.computeIfAbsent(registrationId, id -> discover(id, provider));
	}

	private static Mono<ClientRegistration> discover(String id, OidcProperties.Provider provider) {
		return Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(provider.issuerUri())
			.registrationId(id)
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.scope(provider.scopes())
			// Resolved from the request; behind a proxy set server.forward-headers-strategy so it is the public URL.
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.clientName(provider.displayName() == null ? id : provider.displayName())
			.build())
			// Discovery is a blocking HTTP call.
			.subscribeOn(Schedulers.boundedElastic())
			.cache(registration -> Duration.ofHours(12), error -> Duration.ZERO, () -> Duration.ZERO);
	}

}
