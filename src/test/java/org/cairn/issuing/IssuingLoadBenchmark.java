package org.cairn.issuing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load run against a live Cairn started with the demo profile (not a test: surefire skips
 * {@code *Benchmark}). JDK only, so it runs as a single source file:
 *
 * <pre>
 * java src/test/java/org/cairn/issuing/IssuingLoadBenchmark.java http://127.0.0.1:8080 10000 2000 15 64
 * </pre>
 *
 * Arguments: base URL, hosted bulk size, signed bulk size, seconds per HTTP phase (0: bulk awards only), concurrent
 * connections. It first measures RSA-3072 signing alone on every core (the ceiling for signed bulk awards), then bulk
 * awards two fresh lists (hosted, then signed; the district's default mode is put back afterwards), then loads the
 * trivial JSON endpoint, hosted assertions, baked PNGs of signed badges, certificates, and the trivial endpoint
 * again, and prints requests per second and latency percentiles for each.
 */
public final class IssuingLoadBenchmark {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private static String base;

	private static String token;

	public static void main(String[] args) throws Exception {
		base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
		int hostedBulk = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		int signedBulk = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
		int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
		token = signIn(System.getenv().getOrDefault("CAIRN_DEMO_PASSWORD", "cairn-demo-password"));
		System.out.printf("cores=%d connections=%d phase=%ds%n", Runtime.getRuntime().availableProcessors(),
				connections, seconds);

		// RSA_SECONDS=0 skips it (perf/bulk.sh measures it in a run of its own, so the job's CPU window holds the job only)
		int rsaSeconds = Integer.parseInt(System.getenv().getOrDefault("RSA_SECONDS", "5"));
		if (rsaSeconds > 0) {
			double rsa = rsaSignsPerSecond(Runtime.getRuntime().availableProcessors(), rsaSeconds);
			System.out.printf(Locale.ROOT,
					"RSA-3072 SHA256withRSA signing alone, %d threads, same machine now: %.0f signs/s%n",
					Runtime.getRuntime().availableProcessors(), rsa);
		}

		String assertions = call("GET", "/api/v1/assertions?size=50", null, null);
		String badgeClassId = field(assertions, "badgeClassUrl").replaceAll(".*/public/badges/", "");
		String settings = call("GET", "/api/v1/issuing/settings", null, null);
		String mode = field(settings, "defaultMode");
		String run = UUID.randomUUID().toString().substring(0, 8);
		try {
			bulk(badgeClassId, "HOSTED", hostedBulk, "h" + run, settings);
			bulk(badgeClassId, "SIGNED", signedBulk, "s" + run, settings);
		}
		finally {
			putMode(mode, settings);
		}

		if (seconds <= 0) {
			return; // bulk awards only
		}
		List<String> hosted = ids("HOSTED", 200);
		List<String> signed = ids("SIGNED", 200);
		System.out.printf("%n%-28s %10s %9s %9s %9s %8s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
		load("trivial JSON", List.of("/api/v1/auth/providers"), "application/json", seconds, connections);
		load("hosted assertion (JSON-LD)", paths(hosted, ""), "application/ld+json", seconds, connections);
		load("baked PNG (signed)", paths(signed, "/image?format=png"), "image/png", seconds, connections);
		load("baked SVG (signed)", paths(signed, "/image?format=svg"), "image/svg+xml", seconds, connections);
		load("certificate PDF", paths(hosted, "/certificate.pdf"), "application/pdf", seconds, connections);
		load("trivial JSON (again)", List.of("/api/v1/auth/providers"), "application/json", seconds, connections);
	}

	private static void bulk(String badgeClassId, String mode, int size, String run, String settings) throws Exception {
		if (size <= 0) {
			return;
		}
		putMode(mode, settings);
		StringBuilder csv = new StringBuilder("email,name\n");
		for (int i = 0; i < size; i++) {
			csv.append("bench-").append(run).append('-').append(i).append("@bench.example.org,Bench Person ").append(i)
				.append('\n');
		}
		long start = System.nanoTime();
		String job = call("POST", "/api/v1/badges/" + badgeClassId + "/bulk-awards", "text/csv", csv.toString());
		String jobId = field(job, "id");
		long accepted = System.nanoTime();
		String progress;
		do {
			Thread.sleep(250);
			progress = call("GET", "/api/v1/bulk-awards/" + jobId, null, null);
		}
		while (!field(progress, "status").equals("DONE"));
		double total = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT,
				"bulk %-6s %6d recipients: accepted in %.2f s, done in %.1f s = %.0f awards/s (done=%s failed=%s)%n",
				mode, size, (accepted - start) / 1e9, total, size / total, field(progress, "done"),
				field(progress, "failed"));
	}

	/**
	 * What RS256 with an RSA-3072 key allows on this machine at this moment (one thread per core, a typical payload
	 * size): the ceiling a signed bulk award is compared against, measured in the same run as it.
	 */
	private static double rsaSignsPerSecond(int threads, int seconds) throws Exception {
		java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
		generator.initialize(3072);
		java.security.PrivateKey key = generator.generateKeyPair().getPrivate();
		byte[] payload = new byte[1500];
		AtomicLong signs = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try {
					java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
					while (System.nanoTime() < end) {
						signature.initSign(key);
						signature.update(payload);
						signature.sign();
						signs.incrementAndGet();
					}
				}
				catch (java.security.GeneralSecurityException ex) {
					throw new IllegalStateException(ex);
				}
			});
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return signs.get() / (double) seconds;
	}

	private static void putMode(String mode, String settings) throws Exception {
		call("PUT", "/api/v1/issuing/settings", "application/json",
				"{\"defaultMode\":\"" + mode + "\",\"showStipend\":" + field(settings, "showStipend")
						+ ",\"showHours\":" + field(settings, "showHours") + "}");
	}

	/** The newest assertions of a mode that are not revoked. */
	private static List<String> ids(String mode, int max) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int page = 0; page < 40 && ids.size() < max; page++) {
			String body = call("GET", "/api/v1/assertions?size=200&page=" + page, null, null);
			Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"[^{}]*?\"mode\":\"" + mode + "\"[^{}]*?\"revoked\":false")
				.matcher(body);
			while (m.find() && ids.size() < max) {
				ids.add(m.group(1));
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("no " + mode + " assertions");
		}
		return ids;
	}

	private static List<String> paths(List<String> ids, String suffix) {
		return ids.stream().map(id -> "/public/assertions/" + id + suffix).toList();
	}

	/** {@code connections} threads, each one request at a time, for {@code seconds} after a 3 s warm-up. */
	private static void load(String name, List<String> paths, String accept, int seconds, int connections)
			throws Exception {
		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong errors = new AtomicLong();
		long[][] latencies = new long[connections][];
		int[] counts = new int[connections];
		CountDownLatch done = new CountDownLatch(connections);
		for (int t = 0; t < connections; t++) {
			int thread = t;
			latencies[t] = new long[200_000];
			Thread worker = new Thread(() -> {
				int i = thread;
				while (!stop.get()) {
					String path = paths.get(i++ % paths.size());
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
						.timeout(Duration.ofSeconds(30)).GET().build();
					long begin = System.nanoTime();
					try {
						HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					if (measuring.get() && counts[thread] < latencies[thread].length) {
						latencies[thread][counts[thread]++] = System.nanoTime() - begin;
					}
				}
				done.countDown();
			});
			worker.setDaemon(true);
			worker.start();
		}
		Thread.sleep(3_000);
		errors.set(0);
		measuring.set(true);
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		double elapsed = (System.nanoTime() - start) / 1e9;
		stop.set(true);
		done.await();
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int t = 0; t < connections; t++) {
			System.arraycopy(latencies[t], 0, all, at, counts[t]);
			at += counts[t];
		}
		Arrays.sort(all);
		System.out.printf(Locale.ROOT, "%-28s %10.0f %9.1f %9.1f %9.1f %8d%n", name, total / elapsed,
				percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
				errors.get());
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	/** Signs in as the demo admin and creates a personal access token, so no cookie or CSRF handling follows. */
	private static String signIn(String password) throws Exception {
		HttpResponse<String> login = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"email\":\"admin@demo.cairn.test\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 200) {
			throw new IllegalStateException("login: " + login.statusCode() + " " + login.body());
		}
		String session = cookie(login, "CAIRN_SESSION");
		HttpResponse<String> me = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
			.header("Cookie", "CAIRN_SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
		String xsrf = cookie(me, "XSRF-TOKEN");
		HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
			.header("Content-Type", "application/json")
			.header("Cookie", "CAIRN_SESSION=" + session + "; XSRF-TOKEN=" + xsrf)
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load run\",\"days\":1,\"scopes\":[\"READ\",\"ISSUE\",\"MANAGE\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("token: " + created.statusCode() + " " + created.body());
		}
		return field(created.body(), "token");
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no cookie " + name));
	}

	private static String call(String method, String path, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/** The first value of a JSON member, enough for the flat bodies this run reads. */
	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\]]+)").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(2) != null ? m.group(2) : m.group(1);
	}

}
