package org.cairn.account;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.cairn.system.AcceptHeader;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers an anonymous {@code GET} of a {@link FixedAnswer}'s path before the security chain and the dispatcher: the
 * chain (firewall, security context, authorization, header writers, about 14 % of such a request's CPU) and the
 * dispatcher (route lookup, result handling, JSON writing) were most of what the trivial API cost
 * (docs/foundation.md, "The trivial API request"). It runs after the request id, the security headers and the
 * {@code If-None-Match} guard, so those apply as to every answer; the headers Spring Security's chain adds to every
 * answer come from Spring Security's own default writers.
 * <p>
 * Only what the anonymous reads chain would let through and answer the same way takes this path: a {@code GET}
 * without an {@code Authorization} header and without the session cookie (a signed-in browser still gets its CSRF
 * cookie from the main chain), for exactly the path with no query, asking for JSON or anything ({@code Accept}
 * absent, {@code application/json} or a wildcard), with every header name and value passing the firewall's rule.
 * Everything else goes on unchanged, so the firewall still sees every odd request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the request id, the security headers and the If-None-Match guard
class AnonymousFixedAnswers implements WebFilter {

	private final Map<String, byte[]> answers;

	/** How many requests were answered here (for tests). */
	private final LongAdder answered = new LongAdder();

	AnonymousFixedAnswers(ObjectProvider<FixedAnswer> answers) {
		this.answers = answers.stream().collect(Collectors.toUnmodifiableMap(FixedAnswer::path, FixedAnswer::json));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.GET) {
			return chain.filter(exchange);
		}
		byte[] json = answers.get(request.getPath().pathWithinApplication().value());
		if (json == null || !anonymousPlainRead(request)) {
			return chain.filter(exchange);
		}
		answered.increment();
		return write(exchange, json);
	}

	long answered() {
		return answered.sum();
	}

	/** No query, no session or token, a JSON or any answer asked for, and nothing the firewall would refuse. */
	static boolean anonymousPlainRead(ServerHttpRequest request) {
		if (request.getURI().getRawQuery() != null || !AnonymousRequests.nobodysAndFirewallClean(request)) {
			return false;
		}
		try {
			return AcceptHeader.plainJson(request.getHeaders().getAccept());
		}
		catch (InvalidMediaTypeException ex) {
			return false; // the ordinary way answers a malformed Accept as it always did
		}
	}

	private static Mono<Void> write(ServerWebExchange exchange, byte[] json) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return AnonymousRequests.writeChainHeaders(exchange).then(Mono.defer(() -> {
			response.setStatusCode(HttpStatus.OK);
			headers.setContentLength(json.length);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
		}));
	}

}
