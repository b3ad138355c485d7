package org.cairn.verification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import org.cairn.account.Person;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load run against the live service on loopback: 64 connections, each sending its next request as soon as the last
 * is answered, first to a trivial JSON endpoint ({@code /actuator/health/liveness}), then verifying a Cairn-signed
 * badge (JWS: document lookups from memory, RSA verify). Not part of the test suite (surefire excludes
 * {@code *Benchmark}); run it with
 * {@code ./mvnw -q -B -Dskip.frontend=true test -Dtest=VerificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures go to stdout and {@code target/verification-benchmark.txt}.
 */
@Import(IssuedBadges.class)
class VerificationBenchmark extends IntegrationTest {

	private static final int CONNECTIONS = 64;

	private static final Duration WARM_UP = Duration.ofSeconds(8);

	private static final Duration RUN = Duration.ofSeconds(20);

	@Autowired
	IssuedBadges badges;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void verificationThroughputNextToATrivialEndpoint() throws Exception {
		District district = data.district();
		Person admin = data.person(district, Role.DISTRICT_ADMIN);
		Person teacher = data.person(district, Role.TEACHER);
		badges.mode(data.as(admin), "SIGNED");
		String jws = badges.issue(district, teacher, data.as(teacher)).get("jws").asString();
		byte[] body = json.writeValueAsBytes(Map.of("jws", jws, "recipient", teacher.email()));

		HttpClient client = HttpClient
			.create(ConnectionProvider.builder("bench").maxConnections(CONNECTIONS).pendingAcquireMaxCount(-1).build())
			.baseUrl("http://127.0.0.1:" + port);
		Load trivial = new Load("GET /actuator/health/liveness", () -> client.get().uri("/actuator/health/liveness")
			.responseSingle((response, content) -> content.asString().map(s -> response.status().code())));
		Load verify = new Load("POST /api/v1/verifications (Cairn JWS)", () -> client
			.headers(h -> h.set("Content-Type", "application/json"))
			.post()
			.uri("/api/v1/verifications")
			.send(ByteBufFlux.fromInbound(Mono.just(Unpooled.wrappedBuffer(body))))
			.responseSingle((response, content) -> content.asString().map(s -> {
				if (!s.contains("\"valid\":true")) {
					throw new IllegalStateException("not valid: " + s);
				}
				return response.status().code();
			})));

		trivial.run(WARM_UP);
		verify.run(WARM_UP);
		String report = String.join("\n", trivial.run(RUN).line(), verify.run(RUN).line(), trivial.run(RUN).line());
		String header = "connections=" + CONNECTIONS + " run=" + RUN.toSeconds() + "s cores="
				+ Runtime.getRuntime().availableProcessors() + " (load generator in the same JVM)";
		System.out.println(header + "\n" + report);
		Files.writeString(Path.of("target", "verification-benchmark.txt"), header + "\n" + report + "\n",
				StandardCharsets.UTF_8);
		assertThat(report).doesNotContain("errors=" + Integer.MAX_VALUE);
	}

	private static final class Load {

		private final String name;

		private final java.util.function.Supplier<Mono<Integer>> request;

		private Result last;

		Load(String name, java.util.function.Supplier<Mono<Integer>> request) {
			this.name = name;
			this.request = request;
		}

		Load run(Duration duration) {
			long end = System.nanoTime() + duration.toNanos();
			long[][] latencies = new long[CONNECTIONS][];
			AtomicInteger errors = new AtomicInteger();
			long started = System.nanoTime();
			Flux.range(0, CONNECTIONS).flatMap(worker -> {
				long[] mine = new long[1 << 20];
				int[] count = { 0 };
				return Mono.defer(() -> {
					long t0 = System.nanoTime();
					return request.get().doOnNext(status -> {
						if (status != 200) {
							errors.incrementAndGet();
						}
						if (count[0] < mine.length) {
							mine[count[0]++] = System.nanoTime() - t0;
						}
					}).onErrorResume(ex -> {
						errors.incrementAndGet();
						return Mono.empty();
					});
				}).repeat(() -> System.nanoTime() < end).then(Mono.fromRunnable(() -> latencies[worker] =
						Arrays.copyOf(mine, count[0])));
			}, CONNECTIONS).blockLast(duration.plusSeconds(60));
			double seconds = (System.nanoTime() - started) / 1e9;
			long[] all = Arrays.stream(latencies).filter(java.util.Objects::nonNull).flatMapToLong(Arrays::stream)
				.sorted().toArray();
			last = new Result(name, all.length / seconds, percentile(all, 0.50), percentile(all, 0.99), all.length,
					errors.get());
			return this;
		}

		String line() {
			return last.toString();
		}

		private static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
		}

	}

	private record Result(String name, double perSecond, double p50Millis, double p99Millis, int requests,
			int errors) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%-42s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  (%d requests, errors=%d)",
					name, perSecond, p50Millis, p99Millis, requests, errors);
		}

	}

}
