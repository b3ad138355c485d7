package org.cairn.credential;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Content negotiation between the two versions at a badge's 2.0 address: a client asking
 * {@code /public/assertions/{id}} for {@code application/vc} (or {@code application/vc+ld+json}) gets the 3.0
 * credential, for {@code application/vc+jwt} its VC-JWT; everyone else gets the 2.0 assertion as before.
 */
@Component
class CredentialNegotiation implements WebFilter {

	private static final Pattern ASSERTION = Pattern.compile("/public/assertions/([A-Za-z0-9_-]{1,64})");

	private static final List<MediaType> CREDENTIAL = List.of(CredentialController.VC,
			MediaType.parseMediaType("application/vc+ld+json"));

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
			return chain.filter(exchange);
		}
		String path = request.getPath().pathWithinApplication().value();
		// every request passes here: most leave at this string test, not after a regular expression
		if (!path.startsWith("/public/assertions/")) {
			return chain.filter(exchange);
		}
		Matcher m = ASSERTION.matcher(path);
		if (!m.matches()) {
			return chain.filter(exchange);
		}
		List<MediaType> accept = request.getHeaders().getAccept();
		String target = null;
		if (accept.stream().anyMatch(t -> t.equalsTypeAndSubtype(CredentialController.VC_JWT))) {
			target = "/public/credentials/" + m.group(1) + "/jwt";
		}
		else if (accept.stream().anyMatch(t -> CREDENTIAL.stream().anyMatch(t::equalsTypeAndSubtype))) {
			target = "/public/credentials/" + m.group(1);
		}
		if (target == null) {
			return chain.filter(exchange);
		}
		String credential = target;
		return chain.filter(exchange.mutate().request(r -> r.path(credential)).build());
	}

}
