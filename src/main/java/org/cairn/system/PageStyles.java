package org.cairn.system;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The one stylesheet of the server-rendered pages (public badge pages, verification report), served from Cairn so
 * those pages need no inline style and can run under the strict Content-Security-Policy ({@link SecurityHeaders}).
 */
@Configuration(proxyBeanMethods = false)
class PageStyles {

	/** Where the pages link it; outside {@code /assets} so the front-end build never replaces it. */
	public static final String PATH = "/pages.css";

	private static final Resource CSS = new ClassPathResource("web/pages.css");

	@Bean
	RouterFunction<ServerResponse> pageStylesRoute() {
		return RouterFunctions.route(GET(PATH),
				request -> ServerResponse.ok()
					.contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
					.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
					.bodyValue(CSS));
	}

}
