package org.cairn.oidc;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cairn.oidc.providers.<id>.*}: one entry per sign-in button. The id appears in URLs
 * ({@code /oauth2/authorization/<id>}, {@code /login/oauth2/code/<id>}).
 */
@ConfigurationProperties("cairn.oidc")
record OidcProperties(Map<String, Provider> providers) {

	OidcProperties {
		providers = providers == null ? Map.of() : Map.copyOf(providers);
	}

	/**
	 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} is read on first use
	 * @param districtSlug the district whose people sign in with this provider
	 * @param displayName the button label, e.g. "Parkway Google account"
	 * @param requireVerifiedEmail when true (the default) the ID token must say {@code email_verified: true};
	 * Microsoft Entra does not send that claim, so set false there and use a tenant-specific issuer
	 * @param scopes defaults to openid, email, profile
	 */
	record Provider(String issuerUri, String clientId, String clientSecret, String districtSlug, String displayName,
			Boolean requireVerifiedEmail, List<String> scopes) {

		Provider {
			requireVerifiedEmail = requireVerifiedEmail == null || requireVerifiedEmail;
			scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile") : List.copyOf(scopes);
		}

	}

}
