package org.cairn.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Service;

/** Opens, resolves and closes sessions; the cookie carries the secret, the store only its hash. */
@Service
public class Sessions {

	public static final String COOKIE = "CAIRN_SESSION";

	private final SessionRepository sessions;

	private final AccessTokenRepository tokens;

	private final Clock clock;

	private final Duration lifetime;

	private final boolean secureCookie;

	Sessions(SessionRepository sessions, AccessTokenRepository tokens, Clock clock, SessionProperties properties) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.clock = clock;
		this.lifetime = properties.lifetime();
		this.secureCookie = properties.secureCookie();
	}

	/** Opens a session for the person and returns the cookie to set. */
	public Mono<ResponseCookie> open(String personId) {
		String token = SecretTokens.generate("s_");
		Instant now = clock.instant();
		return sessions.save(new Session(SecretTokens.hash(token), personId, now, now.plus(lifetime)))
			.thenReturn(cookie(token, lifetime));
	}

	Mono<String> personFor(String token) {
		Instant now = clock.instant();
		return sessions.findById(SecretTokens.hash(token))
			.filter(s -> s.expiresAt().isAfter(now))
			.map(Session::personId);
	}

	/** Closes the session and returns a cookie that clears it in the browser. */
	public Mono<ResponseCookie> close(String token) {
		return sessions.deleteById(SecretTokens.hash(token)).thenReturn(cookie("", Duration.ZERO));
	}

	/**
	 * Signs a person out everywhere: every browser session and every personal access token, in the shared store so
	 * no instance accepts them afterwards. Called after a password reset and when an admin changes their roles or
	 * deactivates them.
	 */
	public Mono<Void> closeAll(String personId) {
		return sessions.deleteByPersonId(personId).then(tokens.deleteByPersonId(personId));
	}

	private ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.secure(secureCookie)
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

}
