package org.cairn.system;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Drops a malformed {@code If-None-Match} before anything reads it, so the request is answered as if it were
 * unconditional. Old caches, proxies and scripts send such headers (a page once served {@code ""…"h"}); without this
 * the framework either failed the request or read a tag out of the garbage and answered {@code 304}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedConditions implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> values = exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH);
		if (values == null || EntityTag.wellFormedIfNoneMatch(values)) {
			return chain.filter(exchange);
		}
		ServerWebExchange withoutHeader = exchange.mutate()
			.request(request -> request.headers(headers -> headers.remove(HttpHeaders.IF_NONE_MATCH)))
			.build();
		// the framework's own check (for a ResponseEntity with an ETag) reads the original request: answer it here
		return chain.filter(new ServerWebExchangeDecorator(withoutHeader) {

			@Override
			public boolean checkNotModified(Instant lastModified) {
				return false;
			}

			@Override
			public boolean checkNotModified(String etag) {
				return false;
			}

			@Override
			public boolean checkNotModified(String etag, Instant lastModified) {
				return false;
			}

		});
	}

}
