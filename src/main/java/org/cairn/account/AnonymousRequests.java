package org.cairn.account;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;

/**
 * What an answer given before the security chain must check and add (the sign-in buttons, {@link
 * AnonymousFixedAnswers}; a remembered verification report): the request shows nobody (no session cookie, no
 * {@code Authorization} header) and passes the firewall's header rule, and the answer carries the headers Spring
 * Security's chain adds to every answer. The caller still checks what its own endpoint would answer differently
 * (method, exact path, query, {@code Accept}) and lets everything else go on to the chain.
 */
public final class AnonymousRequests {

	/** Spring Security's default header writers, as the chains configure them (no header is customised there). */
	private static final ServerHttpHeadersWriter SPRING_SECURITY_HEADERS = new CompositeServerHttpHeadersWriter(
			new CacheControlServerHttpHeadersWriter(), new ContentTypeOptionsServerHttpHeadersWriter(),
			new StrictTransportSecurityServerHttpHeadersWriter(), new XFrameOptionsServerHttpHeadersWriter(),
			new XXssProtectionServerHttpHeadersWriter());

	private AnonymousRequests() {
	}

	/**
	 * True when the request carries no session cookie and no {@code Authorization} header (so the chain would judge
	 * it as nobody's) and every header name and value passes the firewall's rule (so the chain would not refuse it).
	 */
	public static boolean nobodysAndFirewallClean(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		if (headers.containsHeader(HttpHeaders.AUTHORIZATION) || request.getCookies().containsKey(Sessions.COOKIE)) {
			return false;
		}
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			if (!SecurityConfiguration.assignedNoControl(header.getKey(), false)) {
				return false;
			}
			for (String value : header.getValue()) {
				if (!SecurityConfiguration.assignedNoControl(value, true)) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Adds the headers the security chain adds to every answer ({@code Cache-Control} unless the answer set one,
	 * {@code X-Content-Type-Options}, {@code X-Frame-Options}, ...). The chain adds them as the answer is committed;
	 * a caller that sets its own headers later registers this with {@code response.beforeCommit} to do the same.
	 */
	public static Mono<Void> writeChainHeaders(ServerWebExchange exchange) {
		return SPRING_SECURITY_HEADERS.writeHttpHeaders(exchange);
	}

}
