package org.cairn.system;

import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response carries the hardening headers, with the Content-Security-Policy that fits what it is. */
class SecurityHeadersIntegrationTests extends IntegrationTest {

	@Test
	void jsonAndErrorsCarryANothingAllowedPolicyAndTheCommonHeaders() {
		for (String path : new String[] { "/api/v1/auth/providers", "/api/v1/templates", "/public/no-such-thing" }) {
			http.get().uri(path).accept(MediaType.APPLICATION_JSON).exchange()
				.expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.OTHER_POLICY)
				.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader().valueEquals("Referrer-Policy", "same-origin")
				.expectHeader().valueEquals("Permissions-Policy", SecurityHeaders.PERMISSIONS);
		}
	}

	@Test
	void swaggerUiGetsItsOwnPolicyAndLoadsOnlyFilesFromCairn() {
		String html = http.get().uri("/swagger-ui/index.html").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.SWAGGER_POLICY)
			.expectBody(String.class).returnResult().getResponseBody();
		// Its page has no inline script, so script-src 'self' is enough; only its styles need 'unsafe-inline'.
		assertThat(html.replaceAll("<script src=\"[^\"]+\"[^>]*>\\s*</script>", "")).doesNotContain("<script");
	}

	@Test
	void thePolicyFollowsWhatTheResponseIs() {
		assertThat(SecurityHeaders.policy("/public/assertions/x/image", MediaType.parseMediaType("image/svg+xml")))
			.isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
		assertThat(SecurityHeaders.policy("/catalogue", MediaType.TEXT_HTML)).isEqualTo(SecurityHeaders.PAGE_POLICY)
			.contains("script-src 'self';", "style-src 'self';", "object-src 'none'", "base-uri 'none'",
					"frame-ancestors 'none'", "form-action 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
		// The browser's PDF viewer is a plugin a policy would block.
		assertThat(SecurityHeaders.policy("/public/assertions/x/certificate.pdf", MediaType.APPLICATION_PDF)).isNull();
	}

	/**
	 * A browser that revalidates a cached page stores the headers of the {@code 304} over the ones it kept (RFC 9111
	 * §4.3.4). A {@code 304} carries no Content-Type, so a policy chosen by type would be "nothing allowed", and
	 * the reloaded app could then load neither its script nor its stylesheet: "Loading…" for ever.
	 */
	@Test
	void aNotModifiedAnswerLeavesThePolicyTheBrowserStoredAlone() {
		// the shell is the built web app's: absent from a class path built with -Dskip.frontend=true (the back-end
		// loop), present after any build of the front end into target/classes, so without this the test's outcome
		// depended on what an earlier build left behind
		Assumptions.assumeTrue(new ClassPathResource("static/index.html").exists(),
				"the web app is not built into this class path (-Dskip.frontend=true)");
		String etag = http.get().uri("/sign-in").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.PAGE_POLICY)
			.returnResult(String.class).getResponseHeaders().getETag();
		assertThat(etag).isNotNull();
		http.get().uri("/sign-in").accept(MediaType.TEXT_HTML).header("If-None-Match", etag).exchange()
			.expectStatus().isNotModified()
			.expectHeader().doesNotExist("Content-Security-Policy")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
	}

}
