package org.cairn.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * Serves the single-page app's {@code index.html} for its client-side routes (a browser asking for HTML at
 * {@code /catalogue} or {@code /review/42}), so deep links and reloads work. API, public Open Badges documents,
 * actuator and static files keep their own handlers.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApp {

	private static final Resource INDEX = new ClassPathResource("static/index.html");

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
		return RouterFunctions.route(appRoute,
				request -> INDEX.exists() ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX)
						: ServerResponse.notFound().build());
	}

}
