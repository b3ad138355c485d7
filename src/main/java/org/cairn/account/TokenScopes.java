package org.cairn.account;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * The one place that decides which scope a request needs when it comes with an access token. A browser session
 * passes unchanged (its person's roles still decide, in each endpoint); a token passes only with the scope the
 * request needs, and never creates tokens.
 */
final class TokenScopes implements ReactiveAuthorizationManager<AuthorizationContext> {

	private static final Set<HttpMethod> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	/** Changes that issue or withdraw badges. */
	private static final List<Pattern> ISSUING = List.of(Pattern.compile("/api/v1/submissions/[^/]+/decision"),
			Pattern.compile("/api/v1/badges/[^/]+/bulk-awards"),
			Pattern.compile("/api/v1/assertions/[^/]+/(revoke|reinstate)"));

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	/** Set as the authentication's details when the caller came with an access token. */
	record Grant(Set<TokenScope> scopes) {

		Grant {
			scopes = scopes == null ? Set.of(TokenScope.READ) : Set.copyOf(scopes);
		}

	}

	/** A refusal whose message is shown to the caller as it is. */
	static final class Refused extends AccessDeniedException {

		Refused(String message) {
			super(message);
		}

	}

	/**
	 * What a former teacher (departed) may still change: their addresses, their badges' re-issue to one of them,
	 * their public portfolio, their own tokens' removal, their language. Everything else they may only read.
	 */
	private static final List<Pattern> DEPARTED_WRITES = List.of(Pattern.compile("/api/v1/me/addresses(/.*)?"),
			Pattern.compile("/api/v1/me/language"),
			Pattern.compile("/api/v1/me/badges/[^/]+/reissue"), Pattern.compile("/api/v1/me/portfolio"),
			Pattern.compile("/api/v1/me/tokens/[^/]+"));

	/** A refusal of a former teacher's change. */
	static final class ReadOnly extends AccessDeniedException {

		ReadOnly() {
			super("You have left the district: you can see, download and share your badges, and manage your "
					+ "addresses, but not change anything else.");
		}

	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		return authentication.filter(a -> a.isAuthenticated() && !TRUST.isAnonymous(a))
			.flatMap(a -> departedRead(a, context.getExchange().getRequest()))
			.flatMap(a -> a.getDetails() instanceof Grant grant ? check(grant, context.getExchange().getRequest())
					: Mono.just(true))
			.<AuthorizationResult>map(AuthorizationDecision::new)
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	private static Mono<Authentication> departedRead(Authentication authentication, ServerHttpRequest request) {
		if (!(authentication.getPrincipal() instanceof CairnUser user) || !user.departed()
				|| READING.contains(request.getMethod())) {
			return Mono.just(authentication);
		}
		String path = request.getPath().pathWithinApplication().value();
		return DEPARTED_WRITES.stream().anyMatch(p -> p.matcher(path).matches()) ? Mono.just(authentication) : Mono.error(new ReadOnly());
	}

	private static Mono<Boolean> check(Grant grant, ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		if (path.startsWith("/api/v1/me/tokens") && HttpMethod.POST.equals(request.getMethod())) {
			return Mono.error(new Refused("An access token cannot create access tokens. "
					+ "Sign in with a browser to create one."));
		}
		TokenScope needed = needed(request.getMethod(), path);
		if (grant.scopes().contains(needed)) {
			return Mono.just(true);
		}
		return Mono.error(new Refused("This access token may not do this: it needs the " + needed
				+ " scope, and the token has " + grant.scopes().stream().map(Enum::name).sorted().toList()
				+ ". Create a token with the " + needed + " scope."));
	}

	static TokenScope needed(HttpMethod method, String path) {
		if (READING.contains(method)) {
			return TokenScope.READ;
		}
		// Revoking one's own token only ever takes power away.
		if (HttpMethod.DELETE.equals(method) && path.startsWith("/api/v1/me/tokens/")) {
			return TokenScope.READ;
		}
		return ISSUING.stream().anyMatch(p -> p.matcher(path).matches()) ? TokenScope.ISSUE : TokenScope.MANAGE;
	}

}
