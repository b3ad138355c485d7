package org.cairn.account;

import java.util.Set;

import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemHandling;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;

/**
 * Who may call what. Browser calls carry the session cookie and a CSRF token (double-submit cookie
 * {@code XSRF-TOKEN} echoed as {@code X-XSRF-TOKEN}); scripts send a personal access token and need no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Reachable without signing in. Everything else under /api needs a session or token. */
	static final String[] PUBLIC_API = { "/api/v1/auth/**", "/api/v1/verifications", "/api/v1/verifications/**",
			"/api/v1/invitations/**", "/api/v1/password-resets", "/api/v1/password-resets/**", "/api/v1/setup/**",
			"/api/v1/public/**" };

	/** Unauthenticated state changes a browser makes before it holds a session (login CSRF is moot with Lax). */
	private static final Set<String> CSRF_EXEMPT_PREFIXES = Set.of("/api/v1/auth/", "/api/v1/verifications",
			"/api/v1/invitations/", "/api/v1/password-resets", "/api/v1/setup/");

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Sessions sessions, AccessTokens tokens,
			PersonRepository people, ProblemHandling problems,
			ObjectProvider<Customizer<ServerHttpSecurity.OAuth2LoginSpec>> openIdConnect) {
		// Sign-in with a district's OpenID Connect provider, when the oidc feature configures it.
		openIdConnect.ifAvailable(http::oauth2Login);
		return http.securityContextRepository(new CairnSecurityContextRepository(sessions, tokens, people))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
			.csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(csrfRequired())
				.accessDeniedHandler((exchange, denied) -> problems.handle(exchange,
						new ProblemException(HttpStatus.FORBIDDEN, "csrf", "Missing CSRF token",
								"Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."))))
			.authorizeExchange(auth -> auth.pathMatchers(PUBLIC_API)
				.permitAll()
				.pathMatchers("/api/**")
				.access(new TokenScopes())
				.anyExchange()
				.permitAll())
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((exchange, denied) -> problems.handle(exchange,
						new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
								"Sign in, or send a personal access token.")))
				.accessDeniedHandler((exchange, denied) -> problems.handle(exchange,
						denied instanceof TokenScopes.Refused refused
								? new ProblemException(HttpStatus.FORBIDDEN, "token-scope",
										"Not allowed with this access token", refused.getMessage())
								: ProblemException.forbidden("You may not do this."))))
			.build();
	}

	private static ServerWebExchangeMatcher csrfRequired() {
		return exchange -> {
			var request = exchange.getRequest();
			boolean exempt = SAFE.contains(request.getMethod())
					|| CairnSecurityContextRepository.bearer(exchange) != null
					|| CSRF_EXEMPT_PREFIXES.stream().anyMatch(p -> request.getPath().value().startsWith(p));
			return exempt ? ServerWebExchangeMatcher.MatchResult.notMatch()
					: ServerWebExchangeMatcher.MatchResult.match();
		};
	}

	/** Makes sure the XSRF-TOKEN cookie is issued, so the single-page app has a token to echo. */
	@Bean
	WebFilter csrfCookieFilter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return token == null ? chain.filter(exchange)
					: token.doOnSuccess(t -> { }).then(chain.filter(exchange));
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
