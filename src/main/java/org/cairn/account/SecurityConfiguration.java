package org.cairn.account;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemHandling;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

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
		http.securityContextRepository(new CairnSecurityContextRepository(sessions, tokens, people))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(csrfRequired())
				.accessDeniedHandler((exchange, denied) -> problems.handle(exchange,
						ProblemException.of(AccountProblem.CSRF, "csrf"))));
		return who(http, problems).build();
	}

	/**
	 * A read by someone who shows no session and no token (a script, a crawler, a verifier, the sign-in page): the
	 * same rules, answers and headers as the main chain below, without what only a signed-in browser or a state
	 * change needs: no session lookup, no CSRF token (a read never needs one), no OpenID Connect filters. A private
	 * endpoint still answers 401. A read carrying a session cookie or an {@code Authorization} header, and the
	 * OpenID Connect sign-in addresses, take the main chain.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityWebFilterChain anonymousReadsChain(ServerHttpSecurity http, ProblemHandling problems) {
		http.securityMatcher(SecurityConfiguration::anonymousRead)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable);
		return who(http, problems).build();
	}

	/** Who may call what, and the answers when not: the same for both chains that judge API calls. */
	private static ServerHttpSecurity who(ServerHttpSecurity http, ProblemHandling problems) {
		return http.authorizeExchange(auth -> auth.matchers(PUBLIC_API_PATHS)
			.permitAll()
			.matchers(ANY_API)
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
										: ProblemException.forbidden("You may not do this."))));
	}

	private static final Mono<ServerWebExchangeMatcher.MatchResult> MATCH = ServerWebExchangeMatcher.MatchResult
		.match();

	private static final Mono<ServerWebExchangeMatcher.MatchResult> NO_MATCH = ServerWebExchangeMatcher.MatchResult
		.notMatch();

	private static final List<PathPattern> PUBLIC_API_PATTERNS = Stream.of(PUBLIC_API)
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

	/**
	 * {@link #PUBLIC_API}, matched as {@code pathMatchers(PUBLIC_API)} would (the same path patterns), in one plain
	 * loop: Spring Security's matcher tries each pattern in a reactive pipeline of its own, on every API request.
	 */
	private static final ServerWebExchangeMatcher PUBLIC_API_PATHS = exchange -> {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (PathPattern pattern : PUBLIC_API_PATTERNS) {
			if (pattern.matches(path)) {
				return MATCH;
			}
		}
		return NO_MATCH;
	};

	private static final ServerWebExchangeMatcher ANY_API = exchange -> API
		.matches(exchange.getRequest().getPath().pathWithinApplication()) ? MATCH : NO_MATCH;

	/** A GET or HEAD without a session cookie or an Authorization header, outside the OpenID Connect sign-in. */
	static Mono<ServerWebExchangeMatcher.MatchResult> anonymousRead(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		if (method != HttpMethod.GET && method != HttpMethod.HEAD
				|| request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				|| request.getCookies().containsKey(Sessions.COOKIE)) {
			return NO_MATCH;
		}
		String path = request.getPath().pathWithinApplication().value();
		return path.startsWith("/oauth2/") || path.startsWith("/login/") ? NO_MATCH : MATCH;
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
			.securityMatcher(SecurityConfiguration::publicRead)
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

	private static final PathPattern PUBLIC = PathPatternParser.defaultInstance.parse("/public/**");

	/** GET or HEAD of {@code /public/**} (the pattern Spring Security's {@code pathMatchers} would use). */
	static Mono<ServerWebExchangeMatcher.MatchResult> publicRead(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		return (method == HttpMethod.GET || method == HttpMethod.HEAD)
				&& PUBLIC.matches(request.getPath().pathWithinApplication()) ? MATCH : NO_MATCH;
	}

	/**
	 * Makes sure the XSRF-TOKEN cookie is issued, so the single-page app has a token to echo: on every request of a
	 * signed-in browser (session cookie) and on every state change (sign-in). An anonymous read gets none (every
	 * state change an anonymous visitor can make is exempt), so public traffic creates no token and sets no cookie;
	 * nor does an anonymous verification, a public read sent as a POST that never opens a session (a new token per
	 * verification was a random UUID and a cookie on every answer).
	 */
	@Bean
	WebFilter csrfCookieFilter() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			var request = exchange.getRequest();
			boolean anonymous = request.getCookies().getFirst(Sessions.COOKIE) == null;
			boolean anonymousRead = anonymous && (SAFE.contains(request.getMethod())
					|| request.getPath().pathWithinApplication().value().startsWith(VERIFICATIONS));
			return token == null || anonymousRead ? chain.filter(exchange)
					: token.doOnSuccess(t -> { }).then(chain.filter(exchange));
		};
	}

	private static final String VERIFICATIONS = "/api/v1/verifications";

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
