package org.cairn.account;

import java.util.Set;

import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemHandling;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

/**
 * Who may call what. Browser calls carry the session cookie and a CSRF token (double-submit cookie
 * {@code XSRF-TOKEN} echoed as {@code X-XSRF-TOKEN}); scripts send a personal access token and need no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Reachable without signing in. Everything else under /api needs a session or token. */
	static final String[] PUBLIC_API = { "/api/v1/auth/**", "/api/v1/verifications", "/api/v1/verifications/**",
			"/api/v1/invitations/**", "/api/v1/address-verifications/**", "/api/v1/password-resets",
			"/api/v1/password-resets/**", "/api/v1/setup/**", "/api/v1/public/**" };

	/** Unauthenticated state changes a browser makes before it holds a session (login CSRF is moot with Lax). */
	private static final Set<String> CSRF_EXEMPT_PREFIXES = Set.of("/api/v1/auth/", "/api/v1/verifications",
			"/api/v1/invitations/", "/api/v1/address-verifications/", "/api/v1/password-resets", "/api/v1/setup/");

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
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(csrfRequired())
				.accessDeniedHandler((exchange, denied) -> problems.handle(exchange,
						ProblemException.of(AccountProblem.CSRF, "csrf"))))
			.authorizeExchange(auth -> auth.pathMatchers(PUBLIC_API)
				.permitAll()
				.pathMatchers("/api/**")
				.access(new TokenScopes())
				.anyExchange()
				.permitAll())
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((exchange, denied) -> problems.handle(exchange,
						ProblemException.of(CommonProblem.UNAUTHENTICATED, "unauthenticated")))
				.accessDeniedHandler((exchange, denied) -> problems.handle(exchange,
						denied instanceof TokenScopes.Refused refused
								? ProblemException.of(AccountProblem.TOKEN_SCOPE, "token-scope", refused.getMessage())
								: denied instanceof TokenScopes.ReadOnly readOnly
										? ProblemException.of(AccountProblem.READ_ONLY, "read-only", readOnly.getMessage())
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

	/**
	 * The public Open Badges documents and pages (read by anyone, cached by anyone): no session lookup, no CSRF
	 * token, nothing stored per request. Only reads; anything else under /public falls to the main chain.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain publicDocumentsChain(ServerHttpSecurity http) {
		return http
			.securityMatcher(new OrServerWebExchangeMatcher(
					ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/public/**"),
					ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/public/**")))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.authorizeExchange(auth -> auth.anyExchange().permitAll())
			.build();
	}

	/**
	 * Makes sure the XSRF-TOKEN cookie is issued, so the single-page app has a token to echo: on every request of a
	 * signed-in browser (session cookie) and on every state change (sign-in). An anonymous read gets none (every
	 * state change an anonymous visitor can make is exempt), so public traffic creates no token and sets no cookie.
	 */
	@Bean
	WebFilter csrfCookieFilter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			var request = exchange.getRequest();
			boolean anonymousRead = SAFE.contains(request.getMethod())
					&& request.getCookies().getFirst(Sessions.COOKIE) == null;
			return token == null || anonymousRead ? chain.filter(exchange)
					: token.doOnSuccess(t -> { }).then(chain.filter(exchange));
		};
	}

	/**
	 * No observation around each security filter: nothing exports those traces, and wrapping every filter of every
	 * request in one showed up in the public paths' profile (docs/issuing.md, "Where the time goes").
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's strict firewall, as by default, with its header checks written as loops: the default
	 * predicates run a regular expression over every header name and value each time a filter reads a header (4-12 %
	 * of the public paths' and the trivial API's samples in a profile, docs/issuing.md "Where the time goes"). Same
	 * rule: every character assigned in Unicode and not a control character (a value may also hold a tab).
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(name -> assignedNoControl(name, false));
		firewall.setAllowedHeaderValues(value -> assignedNoControl(value, true));
		return firewall;
	}

	/**
	 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, or with {@code \t} allowed too, without a regex engine. No text
	 * (a header asked for but absent) passes, as it does Spring Security's checks.
	 */
	static boolean assignedNoControl(String text, boolean tabAllowed) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (!Character.isDefined(c) || Character.isISOControl(c) && !(tabAllowed && c == '\t')) {
				return false;
			}
			i += Character.charCount(c);
		}
		return true;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
