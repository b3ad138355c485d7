package org.cairn.oidc;

import java.net.URI;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Sessions;
import org.cairn.district.DistrictRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * After the provider vouches for someone: finds the person of the provider's district with the verified email,
 * opens a Cairn session and sends the browser home. Nobody is created here; an unknown email goes back to the
 * sign-in page with {@code ?error=unknown-account}.
 */
class OidcSignIn implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

	static final String SIGN_IN_PAGE = "/sign-in";

	private final OidcProperties properties;

	private final DistrictRepository districts;

	private final PersonRepository people;

	private final Sessions sessions;

	OidcSignIn(OidcProperties properties, DistrictRepository districts, PersonRepository people, Sessions sessions) {
		this.properties = properties;
		this.districts = districts;
		this.people = people;
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
		ServerWebExchange exchange = webFilterExchange.getExchange();
		if (!(authentication instanceof OAuth2AuthenticationToken token)
				|| !(token.getPrincipal() instanceof OidcUser user)) {
			return redirect(exchange, SIGN_IN_PAGE + "?error=sign-in-failed");
		}
		OidcProperties.Provider provider = properties.providers().get(token.getAuthorizedClientRegistrationId());
		String email = email(user, provider);
		if (provider == null || email == null) {
			return redirect(exchange, SIGN_IN_PAGE + "?error=email-not-verified");
		}
		// The empty case is decided on the person, not on the redirect: redirect() completes empty, and a
		// switchIfEmpty after it would try to redirect a second time on an already committed response.
		return districts.findBySlug(provider.districtSlug())
			.flatMap(district -> people.findByEmail(Person.normalizeEmail(email))
				.filter(person -> district.id().equals(person.districtId()) && person.active()))
			.flatMap(person -> sessions.open(person.id()))
			.map(cookie -> {
				exchange.getResponse().addCookie(cookie);
				return "/";
			})
			.switchIfEmpty(Mono.fromSupplier(() -> {
				log.info("OpenID Connect sign-in through {} for an email with no account in district {}",
						token.getAuthorizedClientRegistrationId(), provider.districtSlug());
				return SIGN_IN_PAGE + "?error=unknown-account";
			}))
			.flatMap(location -> redirect(exchange, location));
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException failure) {
		log.info("OpenID Connect sign-in failed: {}", failure.getMessage());
		return redirect(webFilterExchange.getExchange(), SIGN_IN_PAGE + "?error=sign-in-failed");
	}

	private static String email(OidcUser user, OidcProperties.Provider provider) {
		if (provider == null) {
			return null;
		}
		String email = user.getEmail();
		if (provider.requireVerifiedEmail()) {
			return Boolean.TRUE.equals(user.getEmailVerified()) ? email : null;
		}
		if (email == null) {
			// Entra puts the sign-in name (usually the email) here when the optional email claim is off.
			String preferred = user.getPreferredUsername();
			email = preferred != null && preferred.contains("@") ? preferred : null;
		}
		return email;
	}

	private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
		exchange.getResponse().setStatusCode(HttpStatus.FOUND);
		exchange.getResponse().getHeaders().setLocation(URI.create(location));
		return exchange.getResponse().setComplete();
	}

}
