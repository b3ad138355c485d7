package org.cairn.account;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds the caller from a personal access token ({@code Authorization: Bearer}) or the session cookie. Nothing is
 * kept in this instance's memory: every request is resolved against the shared store.
 */
class CairnSecurityContextRepository implements ServerSecurityContextRepository {

	private final Sessions sessions;

	private final AccessTokens tokens;

	private final PersonRepository people;

	CairnSecurityContextRepository(Sessions sessions, AccessTokens tokens, PersonRepository people) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.people = people;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		// Sessions are opened explicitly by the sign-in endpoints.
		return Mono.empty();
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		String bearer = bearer(exchange);
		if (bearer != null) {
			// A token's scopes travel with the authentication, for TokenScopes to judge the request.
			return bearer.startsWith(AccessTokens.PREFIX)
					? tokens.find(bearer).flatMap(token -> signedIn(token.personId(),
							new TokenScopes.Grant(token.scopes())))
					: Mono.empty();
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(Sessions.COOKIE);
		if (cookie == null || cookie.getValue().isBlank()) {
			return Mono.empty();
		}
		return sessions.personFor(cookie.getValue()).flatMap(personId -> signedIn(personId, null));
	}

	private Mono<SecurityContext> signedIn(String personId, TokenScopes.Grant grant) {
		return people.findById(personId).filter(Person::active).map(CairnUser::of).map(user -> context(user, grant));
	}

	static String bearer(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).trim();
		}
		return null;
	}

	private static SecurityContext context(CairnUser user, TokenScopes.Grant grant) {
		var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		if (user.platformAdmin()) {
			authorities = new java.util.ArrayList<>(authorities);
			authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		authentication.setDetails(grant);
		return new SecurityContextImpl(authentication);
	}

}
