package org.cairn.verification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cairn.outbound.AddressPolicy;
import org.cairn.outbound.FetchFailure;
import org.cairn.outbound.FetchFailure.Reason;
import org.cairn.outbound.FetchLimits;
import org.cairn.outbound.Fetched;
import org.cairn.outbound.GuardedFetcher;
import org.cairn.outbound.NameResolution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The guarded fetcher against a real loopback server, with a resolver stub at the network boundary: non-public
 * addresses are refused by default (literal, after DNS, and on every redirect); limits hold.
 */
class VerificationFetchTests {

	private static final byte[] DOC = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"id\":\"x\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final FixtureServer server = new FixtureServer(null);

	private final JsonMapper json = JsonMapper.builder().build();

	/** Public-looking names the stub resolves: one to a private address, one to the loopback test server. */
	private final NameResolution stub = host -> switch (host) {
		case "badges.example.com" -> List.of(InetAddress.getByName("10.1.2.3"));
		case "rebind.example.com" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.7"));
		case "loopback.example.com" -> List.of(InetAddress.getLoopbackAddress());
		default -> throw new UnknownHostException(host);
	};

	@AfterEach
	void stop() {
		server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:%d/doc", "http://10.0.0.1:%d/doc", "http://169.254.169.254:%d/latest",
			"http://[::1]:%d/doc", "http://0.0.0.0:%d/doc", "http://[::ffff:127.0.0.1]:%d/doc",
			"http://100.64.0.1:%d/doc", "http://[fd00::1]:%d/doc" })
	void refusesNonPublicAddressesByDefault(String template) {
		server.json("/doc", DOC);
		assertThat(reason(publicOnly(), template.formatted(server.port()))).isEqualTo(Reason.BLOCKED_ADDRESS);
	}

	@Test
	void refusesAPublicNameThatResolvesToAPrivateAddress() {
		assertThat(reason(publicOnly(), "https://badges.example.com/assertion")).isEqualTo(Reason.BLOCKED_ADDRESS);
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsPrivate() {
		assertThat(reason(publicOnly(), "https://rebind.example.com/assertion")).isEqualTo(Reason.BLOCKED_ADDRESS);
	}

	@Test
	void refusesLocalhostByName() {
		assertThat(reason(fetcher(AddressPolicy.publicOnly(), NameResolution.system(), FetchLimits.defaults()),
				"http://localhost:" + server.port() + "/doc"))
			.isEqualTo(Reason.BLOCKED_ADDRESS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "http:///nohost" })
	void refusesAnythingButHttp(String url) {
		assertThat(reason(publicOnly(), url)).isEqualTo(Reason.SCHEME);
	}

	@Test
	void fetchesFromLoopbackOnlyWhenTheOperatorAllowsIt() {
		server.json("/doc", DOC);
		Fetched fetched = allowLoopback(FetchLimits.defaults()).fetch(server.url("/doc")).block();
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.body().get("id").asString()).isEqualTo("x");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://10.0.0.1/doc", "http://169.254.169.254/latest/meta-data/",
			"http://badges.example.com/doc", "http://[::1]/doc" })
	void checksEveryRedirectHop(String target) {
		server.route("/start", exchange -> {
			exchange.getResponseHeaders().set("Location", target);
			FixtureServer.respond(exchange, 302, "text/plain", new byte[0]);
		});
		// the first hop (loopback) is allowed; the redirect target is not
		GuardedFetcher fetcher = fetcher(new AddressPolicy(List.of("127.0.0.0/8"), false), stub,
				FetchLimits.defaults());
		assertThat(reason(fetcher, server.url("/start").toString())).isEqualTo(Reason.BLOCKED_ADDRESS);
	}

	@Test
	void followsAFewRedirectsButNotEndlessOnes() {
		server.json("/doc", DOC);
		server.route("/hop", exchange -> {
			exchange.getResponseHeaders().set("Location", "/doc");
			FixtureServer.respond(exchange, 301, "text/plain", new byte[0]);
		});
		server.route("/loop", exchange -> {
			exchange.getResponseHeaders().set("Location", "/loop");
			FixtureServer.respond(exchange, 302, "text/plain", new byte[0]);
		});
		GuardedFetcher fetcher = allowLoopback(FetchLimits.defaults());
		Fetched fetched = fetcher.fetch(server.url("/hop")).block();
		assertThat(fetched.served()).isEqualTo(server.url("/doc"));
		assertThat(reason(fetcher, server.url("/loop").toString())).isEqualTo(Reason.REDIRECTS);
	}

	@Test
	void refusesDocumentsOverTheSizeLimit() {
		byte[] big = ("{\"pad\":\"" + "x".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		server.json("/big", big);
		server.route("/chunked", exchange -> {
			try {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, 0);
				try (var out = exchange.getResponseBody()) {
					out.write(big);
				}
			}
			catch (java.io.IOException ignored) {
				// the client hung up once it had enough: expected
			}
		});
		FetchLimits small = new FetchLimits(3, 4096, Duration.ofSeconds(2), Duration.ofSeconds(5), 8, 10,
				Duration.ofMinutes(1));
		assertThat(reason(allowLoopback(small), server.url("/big").toString())).isEqualTo(Reason.TOO_LARGE);
		assertThat(reason(allowLoopback(small), server.url("/chunked").toString())).isEqualTo(Reason.TOO_LARGE);
	}

	@Test
	void refusesContentThatIsNotJson() {
		server.route("/page", exchange -> FixtureServer.respond(exchange, 200, "text/html", "<html/>".getBytes()));
		server.route("/lies", exchange -> FixtureServer.respond(exchange, 200, "application/json", "<html/>".getBytes()));
		assertThat(reason(allowLoopback(FetchLimits.defaults()), server.url("/page").toString()))
			.isEqualTo(Reason.CONTENT_TYPE);
		assertThat(reason(allowLoopback(FetchLimits.defaults()), server.url("/lies").toString()))
			.isEqualTo(Reason.CONTENT_TYPE);
	}

	@Test
	void givesUpOnASlowIssuer() {
		server.route("/slow", exchange -> {
			try {
				Thread.sleep(3_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			FixtureServer.respond(exchange, 200, "application/json", DOC);
		});
		FetchLimits quick = new FetchLimits(3, 4096, Duration.ofSeconds(1), Duration.ofMillis(300), 8, 10,
				Duration.ofMinutes(1));
		assertThat(reason(allowLoopback(quick), server.url("/slow").toString())).isEqualTo(Reason.TIMEOUT);
	}

	@Test
	void cachesOnlyWhatTheIssuerSaysMayBeCached() {
		AtomicInteger cacheable = new AtomicInteger();
		AtomicInteger uncacheable = new AtomicInteger();
		server.route("/cacheable", exchange -> {
			cacheable.incrementAndGet();
			exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300");
			FixtureServer.respond(exchange, 200, "application/ld+json", DOC);
		});
		server.route("/uncacheable", exchange -> {
			uncacheable.incrementAndGet();
			exchange.getResponseHeaders().set("Cache-Control", "no-store");
			FixtureServer.respond(exchange, 200, "application/ld+json", DOC);
		});
		GuardedFetcher fetcher = allowLoopback(FetchLimits.defaults());
		for (int i = 0; i < 3; i++) {
			fetcher.fetch(server.url("/cacheable")).block();
			fetcher.fetch(server.url("/uncacheable")).block();
		}
		assertThat(cacheable).hasValue(1);
		assertThat(uncacheable).hasValue(3);
	}

	@Test
	void reportsGoneAssertionsAsGone() {
		server.route("/revoked", exchange -> FixtureServer.respond(exchange, 410, "application/ld+json",
				"{\"id\":\"x\",\"revoked\":true}".getBytes()));
		Fetched fetched = allowLoopback(FetchLimits.defaults()).fetch(server.url("/revoked")).block();
		assertThat(fetched.gone()).isTrue();
		assertThat(reason(allowLoopback(FetchLimits.defaults()), server.url("/missing").toString()))
			.isEqualTo(Reason.STATUS);
	}

	private GuardedFetcher publicOnly() {
		return fetcher(AddressPolicy.publicOnly(), stub, FetchLimits.defaults());
	}

	private GuardedFetcher allowLoopback(FetchLimits limits) {
		return fetcher(new AddressPolicy(List.of("127.0.0.0/8"), false), NameResolution.system(), limits);
	}

	private GuardedFetcher fetcher(AddressPolicy policy, NameResolution names, FetchLimits limits) {
		return new GuardedFetcher(policy, names, limits, json, Clock.systemUTC());
	}

	private static Reason reason(GuardedFetcher fetcher, String url) {
		Throwable failure = catchThrowable(() -> fetcher.fetch(URI.create(url)).block(Duration.ofSeconds(20)));
		assertThat(failure).isInstanceOf(FetchFailure.class);
		return ((FetchFailure) failure).reason();
	}

}
