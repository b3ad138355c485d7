package org.cairn.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's cover page ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}). Paths and bodies
 * come from the controllers themselves; this adds what they cannot say: the two ways to authenticate.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String SESSION = "session";

	static final String TOKEN = "accessToken";

	@Bean
	OpenAPI cairnOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Cairn API")
				.version("v1")
				.description("Microcredentials for school districts, issued as Open Badges 2.0. Every failure is an "
						+ "RFC 9457 application/problem+json document with a stable type (urn:cairn:problem:<slug>). "
						+ "Browser calls that change state also send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes(SESSION,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("CAIRN_SESSION")
							.description("Set by POST /api/v1/auth/login"))
				.addSecuritySchemes(TOKEN,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal access token (cairn_pat_...) from POST /api/v1/me/tokens")))
			.addSecurityItem(new SecurityRequirement().addList(SESSION))
			.addSecurityItem(new SecurityRequirement().addList(TOKEN));
	}

}
