package org.cairn.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Personal access tokens: created by their owner, shown once, revocable. */
@Service
public class AccessTokens {

	public static final String PREFIX = "cairn_pat_";

	private final AccessTokenRepository tokens;

	private final Clock clock;

	AccessTokens(AccessTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Creates a token and returns its secret, which is never shown again. */
	public Mono<CreatedToken> create(String personId, String name, Duration lifetime) {
		String secret = SecretTokens.generate(PREFIX);
		Instant now = clock.instant();
		AccessToken token = new AccessToken(UUID.randomUUID().toString(), SecretTokens.hash(secret), personId, name,
				now, now.plus(lifetime));
		return tokens.save(token).map(saved -> new CreatedToken(saved.id(), name, secret, saved.expiresAt()));
	}

	Mono<String> personFor(String secret) {
		Instant now = clock.instant();
		return tokens.findByTokenHash(SecretTokens.hash(secret))
			.filter(t -> t.expiresAt().isAfter(now))
			.map(AccessToken::personId);
	}

	Flux<TokenView> list(String personId) {
		return tokens.findByPersonId(personId).map(t -> new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt()));
	}

	Mono<Boolean> revoke(String personId, String id) {
		return tokens.findByIdAndPersonId(id, personId).flatMap(t -> tokens.delete(t).thenReturn(true))
			.defaultIfEmpty(false);
	}

	public record CreatedToken(String id, String name, String token, Instant expiresAt) {
	}

	public record TokenView(String id, String name, Instant createdAt, Instant expiresAt) {
	}

}
