package org.cairn.oidc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.cairn.account.SecretTokens;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the pending authorization request (state, nonce, PKCE verifier) in MongoDB instead of the in-memory
 * WebSession, so the provider may send the browser back to any instance. The request is bound to the browser that
 * started it by a random cookie whose hash is stored with it: a callback carrying someone else's {@code state}
 * (login CSRF) finds nothing. Loading on the callback removes it, so each request is used once.
 */
class OidcAuthorizationRequests implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String COOKIE = "CAIRN_OIDC";

	private static final Duration LIFETIME = Duration.ofMinutes(10);

	private static final ObjectInputFilter ONLY_SECURITY_TYPES = ObjectInputFilter.Config.createFilter(
			"org.springframework.security.**;java.lang.*;java.util.*;java.net.URI;java.time.*;!*");

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final boolean secureCookie;

	OidcAuthorizationRequests(ReactiveMongoTemplate mongo, Clock clock, boolean secureCookie) {
		this.mongo = mongo;
		this.clock = clock;
		this.secureCookie = secureCookie;
	}

	@Override
	public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
		if (request == null) {
			return removeAuthorizationRequest(exchange).then();
		}
		String binding = SecretTokens.generate("");
		Instant now = clock.instant();
		exchange.getResponse().addCookie(cookie(binding, LIFETIME));
		return mongo.save(new Pending(SecretTokens.hash(request.getState()), SecretTokens.hash(binding),
				serialize(request), now.plus(LIFETIME))).then();
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
		return query(exchange).flatMap(q -> mongo.findOne(q, Pending.class)).map(p -> deserialize(p.request()));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
		return query(exchange).flatMap(q -> mongo.findAndRemove(q, Pending.class))
			.doOnNext(p -> exchange.getResponse().addCookie(cookie("", Duration.ZERO)))
			.map(p -> deserialize(p.request()));
	}

	private Mono<Query> query(ServerWebExchange exchange) {
		String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
		HttpCookie binding = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (state == null || binding == null || binding.getValue().isBlank()) {
			return Mono.empty();
		}
		return Mono.just(Query.query(Criteria.where("_id").is(SecretTokens.hash(state))
			.and("bindingHash").is(SecretTokens.hash(binding.getValue()))
			.and("expiresAt").gt(clock.instant())));
	}

	private ResponseCookie cookie(String value, Duration maxAge) {
		// Lax: the provider's redirect back is a top-level GET navigation, which carries Lax cookies.
		return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(secureCookie).sameSite("Lax")
			.path("/login/oauth2/").maxAge(maxAge).build();
	}

	private static byte[] serialize(OAuth2AuthorizationRequest request) {
		try (var bytes = new ByteArrayOutputStream(); var out = new ObjectOutputStream(bytes)) {
			out.writeObject(request);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static OAuth2AuthorizationRequest deserialize(byte[] data) {
		try (var in = new ObjectInputStream(new ByteArrayInputStream(data))) {
			in.setObjectInputFilter(ONLY_SECURITY_TYPES);
			return (OAuth2AuthorizationRequest) in.readObject();
		}
		catch (IOException | ClassNotFoundException ex) {
			throw new IllegalStateException("Unreadable authorization request", ex);
		}
	}

	/** A pending sign-in; the id is the SHA-256 of {@code state}. MongoDB's TTL index removes abandoned ones. */
	@Document("oidc_authorization_requests")
	record Pending(@Id String stateHash, String bindingHash, byte[] request,
			@Indexed(expireAfter = "0s") Instant expiresAt) {
	}

}
