package org.cairn.system;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Browser hardening headers on every response, chosen when the response is committed (so error responses, static
 * files and the single-page app get them too) by what the response is:
 * <ul>
 * <li>HTML (the app and every server-rendered page): a strict Content-Security-Policy, with no inline script or
 * style, no plugins, no {@code <base>}, no framing, forms only to Cairn itself. Swagger UI's page gets a policy of
 * its own that also allows the inline styles its components set.</li>
 * <li>SVG (baked badges): nothing but inline style and {@code data:} pictures, so even an SVG opened on its own is
 * inert on the Cairn origin.</li>
 * <li>Pictures, video and audio opened on their own: only the file itself and the viewer's inline style.</li>
 * <li>Anything else (JSON, scripts, stylesheets): {@code default-src 'none'}; PDFs get none, because a browser's
 * PDF viewer is a plugin that a policy would block.</li>
 * </ul>
 * A policy a handler set itself (published evidence files are sandboxed) is left as it is. Plus {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy} and {@code Permissions-Policy} everywhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
			+ "form-action 'self'";

	static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

	/** A picture or video opened on its own: the browser's viewer document styles it inline and shows the file. */
	static final String MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; media-src 'self'; "
			+ "style-src 'unsafe-inline'; frame-ancestors 'none'";

	static final String OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'";

	static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("Referrer-Policy", "same-origin");
			headers.set("Permissions-Policy", PERMISSIONS);
			// a browser stores the headers of a 304 over those of the copy it kept (RFC 9111 4.3.4): a 304 has no
			// Content-Type to choose a policy by, and "nothing allowed" would stop the reloaded app's own script
			if (HttpStatus.NOT_MODIFIED.equals(response.getStatusCode())) {
				return Mono.empty();
			}
			String policy = policy(exchange.getRequest().getPath().value(), headers.getContentType());
			// a handler that chose a policy of its own (e.g. a sandbox for published evidence files) keeps it
			if (policy != null && !headers.containsHeader("Content-Security-Policy")) {
				headers.set("Content-Security-Policy", policy);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	static String policy(String path, MediaType type) {
		if (type == null) {
			return OTHER_POLICY;
		}
		if (type.isCompatibleWith(SVG)) {
			return SVG_POLICY;
		}
		if (type.isCompatibleWith(MediaType.APPLICATION_PDF)) {
			return null;
		}
		if ("image".equals(type.getType()) || "video".equals(type.getType()) || "audio".equals(type.getType())) {
			return MEDIA_POLICY;
		}
		if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
			return path.startsWith("/swagger-ui") || path.startsWith("/webjars") ? SWAGGER_POLICY : PAGE_POLICY;
		}
		return OTHER_POLICY;
	}

}
