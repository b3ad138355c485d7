package org.cairn.verification;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import org.cairn.problem.CommonProblem;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * In front of {@code POST /api/v1/verifications}: the per-client rate limit (429 with {@code Retry-After}) and the
 * upload cap, enforced on the bytes as they arrive so a gigantic or endless upload is cut off, not buffered.
 */
@Component
@Order(10)
class VerificationGate implements WebFilter {

	static final String PATH = "/api/v1/verifications";

	private final RateLimiter limiter;

	private final VerificationProperties properties;

	VerificationGate(RateLimiter limiter, VerificationProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST || !PATH.equals(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		// multipart framing adds a little to the file itself
		long cap = properties.uploadLimit() + 64 * 1024L;
		if (request.getHeaders().getContentLength() > cap) {
			return Mono.error(tooLarge());
		}
		ServerWebExchange capped = exchange.mutate().request(new Capped(request, cap)).build();
		return limited(exchange, () -> chain.filter(capped));
	}

	/**
	 * The per-client rate limit, counted once for this request: {@code allowed} when the limit is off or not reached,
	 * else 429 with {@code Retry-After}. {@link RememberedAnswers} counts the requests it answers here; those it lets
	 * go on are counted by this filter, once.
	 */
	Mono<Void> limited(ServerWebExchange exchange, Supplier<Mono<Void>> allowed) {
		VerificationProperties.RateLimit rate = properties.rateLimit();
		if (!rate.enabled()) {
			return allowed.get();
		}
		return limiter.hit(client(exchange.getRequest()), rate.requests(), rate.window()).flatMap(decision -> {
			if (decision.allowed()) {
				return allowed.get();
			}
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
			return Mono.error(ProblemException.of(VerificationProblem.RATE_LIMITED, "rate-limited", decision.retryAfterSeconds())
				.with("retryAfter", decision.retryAfterSeconds()));
		});
	}

	/** The client's address; behind a proxy, Spring's forwarded-header support puts the real one here. */
	private static String client(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	static ProblemException tooLarge() {
		return ProblemException.of(CommonProblem.UPLOAD_TOO_LARGE, "upload-too-large-3");
	}

	/** Counts bytes as they arrive and fails the body once the cap is passed. */
	private static final class Capped extends ServerHttpRequestDecorator {

		private final long cap;

		Capped(ServerHttpRequest delegate, long cap) {
			super(delegate);
			this.cap = cap;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			long[] seen = { 0 };
			return super.getBody().handle((buffer, sink) -> {
				seen[0] += buffer.readableByteCount();
				if (seen[0] > cap) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
