package org.cairn.system;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it looks sane, e.g. from a load balancer;
 * otherwise a new one), echoes it in the response, puts it in problem documents ({@code requestId}) and writes one
 * access-log line per request carrying it, so a user's error report leads straight to the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

	public static final String HEADER = "X-Request-Id";

	/** The exchange attribute holding the id. */
	public static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	/** The access log's logger (written asynchronously, see {@link AsyncAccessLog}). */
	static final String ACCESS_LOGGER = "org.cairn.access";

	private static final Logger access = LoggerFactory.getLogger(ACCESS_LOGGER);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
		exchange.getAttributes().put(ATTRIBUTE, id);
		exchange.getResponse().getHeaders().set(HEADER, id);
		long started = System.nanoTime();
		return chain.filter(exchange).doFinally(signal -> log(exchange, id, started));
	}

	/**
	 * A random 122-bit id in UUID form. Not {@link UUID#randomUUID()}: an id names a log line, it guards nothing, and
	 * the shared SecureRandom behind that showed up in every request's profile under load.
	 */
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = random.nextLong() & ~0xF000L | 0x4000L;
		long least = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

	private static void log(ServerWebExchange exchange, String id, long started) {
		if (!access.isInfoEnabled()) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		int code = status == null ? 200 : status.value();
		long millis = (System.nanoTime() - started) / 1_000_000;
		var request = exchange.getRequest();
		// Key-value pairs become fields in structured (ECS/logstash) logs; the message reads well in plain text.
		access.atInfo()
			.addKeyValue("requestId", id)
			.addKeyValue("method", request.getMethod().name())
			.addKeyValue("path", request.getPath().value())
			.addKeyValue("status", code)
			.addKeyValue("durationMs", millis)
			.log("{} {} {} {}ms requestId={}", request.getMethod().name(), request.getPath().value(), code, millis,
					id);
	}

	/** The id of the request being handled, or null outside a request. */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
