package org.cairn.account;

import java.net.InetAddress;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.cairn.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service wired to real servers running in this JVM: an SMTP server (GreenMail) and an OpenID Connect provider
 * (mock-oauth2-server) with two issuers standing in for two districts' providers, plus a clock tests move forward.
 * All subclasses share this one context; tests still isolate themselves by creating their own districts.
 */
@Import(ExternalServersTest.Clocks.class)
public abstract class ExternalServersTest extends IntegrationTest {

	public static final String ISSUER_A = "district-a-idp";

	public static final String ISSUER_B = "district-b-idp";

	public static final String CLIENT_ID = "cairn-client";

	/** Low, so the per-address limit can be reached in a test; the default is 100. */
	public static final int MAX_FAILURES_PER_ADDRESS = 25;

	protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	protected static final MockOAuth2Server OIDC = new MockOAuth2Server();

	static {
		SMTP.start();
		OIDC.start(InetAddress.getLoopbackAddress(), 0);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			SMTP.stop();
			OIDC.shutdown();
		}));
	}

	@Autowired
	protected MovableClock clock;

	/** The district slugs the two configured providers sign people into. */
	public static final String SLUG_A = "oidc-a";

	public static final String SLUG_B = "oidc-b";

	@DynamicPropertySource
	static void externalServers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("cairn.mail.from", () -> "Cairn <cairn@cairn.test>");
		registry.add("cairn.login.max-failures-per-address", () -> MAX_FAILURES_PER_ADDRESS);
		provider(registry, "district-a", ISSUER_A, SLUG_A, "District A Google", true);
		provider(registry, "district-b", ISSUER_B, SLUG_B, "District B Entra", false);
	}

	private static void provider(DynamicPropertyRegistry registry, String id, String issuer, String slug,
			String name, boolean requireVerifiedEmail) {
		String prefix = "cairn.oidc.providers." + id + ".";
		registry.add(prefix + "issuer-uri", () -> OIDC.issuerUrl(issuer).toString());
		registry.add(prefix + "client-id", () -> CLIENT_ID);
		registry.add(prefix + "client-secret", () -> "not-a-secret");
		registry.add(prefix + "district-slug", () -> slug);
		registry.add(prefix + "display-name", () -> name);
		registry.add(prefix + "require-verified-email", () -> requireVerifiedEmail);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
