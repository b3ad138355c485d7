package org.cairn.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Personal access tokens: created by their owner from a browser session with the scopes they choose, at most
 * {@link #MAX_LIFETIME} long, shown once, revocable, and all revoked when the owner's password, roles or status change
 * ({@link Sessions#closeAll}).
 */
@Service
public class AccessTokens {

	public static final String PREFIX = "cairn_pat_";

	/** A year: long enough for a yearly sync job, short enough that a forgotten token dies. */
	public static final Duration MAX_LIFETIME = Duration.ofDays(365);

	private final AccessTokenRepository tokens;

	private final Clock clock;

	AccessTokens(AccessTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Creates a token and returns its secret, which is never shown again. */
	public Mono<CreatedToken> create(String personId, String name, Set<TokenScope> scopes, Duration lifetime) {
		if (lifetime.compareTo(MAX_LIFETIME) > 0) {
			throw new IllegalArgumentException("Token lifetime above " + MAX_LIFETIME);
		}
		String secret = SecretTokens.generate(PREFIX);
		Instant now = clock.instant();
		AccessToken token = new AccessToken(UUID.randomUUID().toString(), SecretTokens.hash(secret), personId, name,
				Set.copyOf(scopes), now, now.plus(lifetime));
		return tokens.save(token)
			.map(saved -> new CreatedToken(saved.id(), name, secret, saved.scopes(), saved.expiresAt()));
	}

	/** The unexpired token with this secret. */
	Mono<AccessToken> find(String secret) {
		Instant now = clock.instant();
		return tokens.findByTokenHash(SecretTokens.hash(secret)).filter(t -> t.expiresAt().isAfter(now));
	}

	Flux<TokenView> list(String personId) {
		return tokens.findByPersonId(personId)
			.map(t -> new TokenView(t.id(), t.name(), new TokenScopes.Grant(t.scopes()).scopes(), t.createdAt(),
					t.expiresAt()));
	}

	Mono<Boolean> revoke(String personId, String id) {
		return tokens.findByIdAndPersonId(id, personId).flatMap(t -> tokens.delete(t).thenReturn(true))
			.defaultIfEmpty(false);
	}

	public record CreatedToken(String id, String name, String token, Set<TokenScope> scopes, Instant expiresAt) {
	}

	public record TokenView(String id, String name, Set<TokenScope> scopes, Instant createdAt, Instant expiresAt) {
	}

}
