package org.cairn.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * Serves the single-page app's {@code index.html} for its client-side routes (a browser asking for HTML at
 * {@code /catalogue} or {@code /badge/42}), so deep links and reloads work. API, public Open Badges documents,
 * actuator and static files keep their own handlers. The shell is revalidated on every use ({@code no-cache}, a
 * strong ETag, {@code 304}), so a reload after an upgrade never runs an old shell against new assets.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApp {

	private static final Resource INDEX = new ClassPathResource("static/index.html");

	private volatile Shell shell;

	@Bean
	RouterFunction<ServerResponse> singlePageAppRoutes() {
		RequestPredicate serverOwned = path("/api/**").or(path("/public/**"))
			.or(path("/actuator/**"))
			.or(path("/v3/**"))
			.or(path("/swagger-ui/**"))
			.or(path("/assets/**"))
			.or(path("/webjars/**"));
		RequestPredicate appRoute = GET("/**").and(accept(MediaType.TEXT_HTML)).and(serverOwned.negate())
			.and(request -> !request.path().substring(request.path().lastIndexOf('/') + 1).contains("."));
		return RouterFunctions.route(appRoute, this::index);
	}

	private Mono<ServerResponse> index(ServerRequest request) {
		Shell index = shell();
		if (index == null) {
			return ServerResponse.notFound().build();
		}
		CacheControl cache = CacheControl.noCache();
		if (index.tag().matchedBy(request.headers().asHttpHeaders())) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(index.tag().header()).cacheControl(cache)
				.header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
		}
		return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.eTag(index.tag().header()).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.bodyValue(index.bytes());
	}

	/** Read once: the shell is part of the build, the same on every instance of one version. */
	private Shell shell() {
		Shell current = shell;
		if (current == null && INDEX.exists()) {
			try {
				byte[] bytes = INDEX.getContentAsByteArray();
				current = new Shell(bytes, EntityTag.of(bytes).variant("app"));
				shell = current;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return current;
	}

	private record Shell(byte[] bytes, EntityTag tag) {
	}

}
