package org.cairn.earning;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load run (not a test): starts the packaged service with a small heap on a fresh data directory, streams a large
 * generated video through the real upload endpoint, and reports throughput, peak heap and peak RSS; then cuts a
 * second upload off half-way and checks, in the store itself, that it left no evidence and no GridFS chunks.
 *
 * <pre>
 * ./mvnw -q -B -Dskip.frontend=true -DskipTests package
 * ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp "target/test-classes:$(cat target/bench.classpath)" org.cairn.earning.UploadBenchmark \
 *     target/cairn.jar 1024 256m
 * </pre>
 *
 * Arguments: the jar, the upload size in MiB, the service's {@code -Xmx}.
 */
public final class UploadBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "cairn-demo-password";

	private static final int BLOCK = 1024 * 1024;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private UploadBenchmark(String base) {
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args.length > 0 ? args[0] : "target/cairn.jar");
		long mib = args.length > 1 ? Long.parseLong(args[1]) : 1024;
		String xmx = args.length > 2 ? args[2] : "256m";
		long size = mib * BLOCK;
		Path dataDir = Files.createTempDirectory("cairn-upload-bench-");
		Path log = dataDir.resolve("service.log");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process service = new ProcessBuilder("java", "-Xmx" + xmx, "-XX:+ExitOnOutOfMemoryError", "-XX:+HeapDumpOnOutOfMemoryError",
				"-XX:HeapDumpPath=target", "-jar",
				jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port,
				"--cairn.data-dir=" + dataDir.resolve("data"), "--cairn.public-base-url=http://127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		MemorySampler memory = new MemorySampler(service.pid());
		try {
			UploadBenchmark bench = new UploadBenchmark("http://127.0.0.1:" + port);
			bench.awaitReady(service, Duration.ofMinutes(10));
			String store = storeAddress(log);
			memory.start();
			Map<String, Object> figures = bench.run(size, store, memory);
			figures.put("xmx", xmx);
			figures.put("peakHeapUsedMiB", memory.peakHeapKb.get() / 1024);
			figures.put("peakRssMiB", memory.peakRssKb() / 1024);
			figures.put("serviceAlive", service.isAlive());
			System.out.println();
			figures.forEach((k, v) -> System.out.printf("%-28s %s%n", k, v));
		}
		finally {
			memory.stop();
			service.destroy();
			service.waitFor();
			Files.copy(log, Path.of("upload-benchmark-service.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			deleteTree(dataDir);
		}
	}

	private Map<String, Object> run(long size, String store, MemorySampler memory) throws Exception {
		Map<String, Object> figures = new LinkedHashMap<>();
		String admin = token("admin@demo.cairn.test");
		raiseUploadLimit(admin, size + 64L * BLOCK);
		String teacher = token("teacher3@demo.cairn.test");
		String templateId = templateId(admin, "technology-integration");
		JsonNode enrollment = call(teacher, "POST", "/api/v1/enrollments", Map.of("templateId", templateId));
		String enrollmentId = enrollment.get("id").asString();
		String path = "/api/v1/enrollments/" + enrollmentId + "/tiers/tier-2/requirements/lesson-evidence/files/";

		memory.resetPeak();
		long start = System.nanoTime();
		Upload whole = put(teacher, path + "lesson.mp4", size, size);
		double seconds = (System.nanoTime() - start) / 1e9;
		JsonNode stored = JSON.readTree(whole.body());
		boolean shaMatches = whole.status() == 201 && stored.get("sha256").asString().equals(whole.sha256());
		figures.put("uploadMiB", size / BLOCK);
		figures.put("status", whole.status());
		figures.put("seconds", String.format("%.1f", seconds));
		figures.put("throughputMiBps", String.format("%.1f", size / (double) BLOCK / seconds));
		figures.put("sha256Matches", shaMatches);

		// the second upload stops half-way: the connection is reset after half of the declared length
		MongoClient client = MongoClients.create("mongodb://" + store + "/cairn");
		try {
			MongoDatabase db = client.getDatabase("cairn");
			// the demo data holds a few small files of its own: count against what was there before
			long filesBefore = countFiles(db);
			put(teacher, path + "cut-off.mp4", size, size / 2);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			long filesLeft;
			long chunksLeft;
			do {
				Thread.sleep(500);
				filesLeft = countFiles(db) - filesBefore;
				chunksLeft = orphanedChunks(db);
			}
			while ((filesLeft > 0 || chunksLeft > 0) && System.nanoTime() < deadline);
			figures.put("chunksInStore", Mono.from(db.getCollection("evidencefs.chunks").estimatedDocumentCount()).block());
			figures.put("chunksOfStoredFile", (size + 261_119) / 261_120);
			JsonNode evidence = call(teacher, "GET", "/api/v1/enrollments/" + enrollmentId + "/evidence", null);
			figures.put("cutOffFilesLeft", filesLeft);
			figures.put("cutOffChunksLeft", chunksLeft);
			figures.put("evidenceAfterCutOff", evidence.size());
		}
		finally {
			client.close();
		}
		return figures;
	}

	// Counting stays bounded: a plain countDocuments over the chunks is an aggregation that the embedded server
	// answers by loading every chunk (255 KiB each) at once, so chunks are only ever read with an id projection.

	private static long countFiles(MongoDatabase db) {
		return Mono.from(db.getCollection("evidencefs.files").countDocuments()).block();
	}

	/** Chunks whose file document does not exist: what a cut-off upload would leave behind. */
	private static long orphanedChunks(MongoDatabase db) {
		List<Object> fileIds = Flux.from(db.getCollection("evidencefs.files").find().projection(new Document("_id", 1)))
			.map(d -> d.get("_id"))
			.collectList()
			.block();
		return Flux.from(db.getCollection("evidencefs.chunks")
			.find(new Document("files_id", new Document("$nin", fileIds)))
			.projection(new Document("_id", 1))
			.batchSize(1024)).count().block();
	}

	// --- the service -------------------------------------------------------------------------------------------

	private void awaitReady(Process service, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!service.isAlive()) {
				throw new IllegalStateException("The service exited with " + service.exitValue());
			}
			try {
				HttpResponse<String> r = http.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The service did not become ready");
	}

	private static String storeAddress(Path log) throws IOException {
		Matcher m = Pattern.compile("Embedded MongoDB-wire store at /?([0-9.]+:[0-9]+)").matcher(Files.readString(log));
		if (!m.find()) {
			throw new IllegalStateException("No embedded store address in the log");
		}
		return m.group(1);
	}

	/** Signs in and creates a personal access token, so the rest needs no cookies or CSRF token. */
	private String token(String email) throws Exception {
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email, "password",
					PASSWORD))))
			.build(), HttpResponse.BodyHandlers.ofString());
		String cookies = String.join("; ",
				login.headers()
					.allValues("Set-Cookie")
					.stream()
					.map(c -> c.substring(0, c.indexOf(';')))
					.filter(c -> !c.startsWith("XSRF-TOKEN="))
					.toList());
		String csrf = "bench-" + System.nanoTime();
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
			.header("Content-Type", "application/json")
			.header("Cookie", cookies + "; XSRF-TOKEN=" + csrf)
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"upload benchmark\",\"days\":1,\"scopes\":[\"READ\",\"ISSUE\",\"MANAGE\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("Token for " + email + ": " + created.statusCode() + " " + created.body());
		}
		return JSON.readTree(created.body()).get("token").asString();
	}

	private void raiseUploadLimit(String admin, long bytes) throws Exception {
		JsonNode settings = call(admin, "GET", "/api/v1/district", null).get("settings");
		Map<String, Object> body = JSON.treeToValue(settings, LinkedHashMap.class);
		body.put("maxUploadBytes", Math.max(bytes, settings.get("maxUploadBytes").asLong()));
		call(admin, "PUT", "/api/v1/district", body);
	}

	private String templateId(String admin, String libraryKey) throws Exception {
		for (JsonNode t : call(admin, "GET", "/api/v1/templates?status=PUBLISHED", null)) {
			if (libraryKey.equals(t.path("libraryKey").asString(""))) {
				return t.get("id").asString();
			}
		}
		throw new IllegalStateException("No published " + libraryKey);
	}

	private JsonNode call(String token, String method, String path, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	// --- the upload --------------------------------------------------------------------------------------------

	record Upload(int status, String body, String sha256) {
	}

	/**
	 * A PUT over a plain socket declaring {@code size} bytes and sending {@code send} of them: an MP4 header (so the
	 * content check passes) and pseudo-random media data. Sending less resets the connection half-way.
	 */
	private Upload put(String token, String path, long size, long send) throws Exception {
		URI uri = URI.create(base + path);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			OutputStream out = socket.getOutputStream();
			String head = "PUT " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
					+ "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: video/mp4\r\nContent-Length: " + size
					+ "\r\nConnection: close\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			byte[] header = mp4Header(size);
			byte[] noise = new byte[BLOCK];
			new Random(42).nextBytes(noise);
			out.write(header);
			sha.update(header);
			long sent = header.length;
			while (sent < send) {
				int n = (int) Math.min(noise.length, send - sent);
				out.write(noise, 0, n);
				sha.update(noise, 0, n);
				sent += n;
			}
			out.flush();
			if (send < size) {
				socket.setSoLinger(true, 0);
				return new Upload(0, "", null);
			}
			String digest = HexFormat.of().formatHex(sha.digest());
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int split = response.indexOf("\r\n\r\n");
			String headers = response.substring(0, split);
			String body = response.substring(split + 4);
			return new Upload(Integer.parseInt(headers.substring(9, 12)),
					headers.toLowerCase().contains("transfer-encoding: chunked") ? dechunk(body) : body, digest);
		}
	}

	private static String dechunk(String raw) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (true) {
			int eol = raw.indexOf("\r\n", i);
			int n = Integer.parseInt(raw.substring(i, eol).trim(), 16);
			if (n == 0) {
				return out.toString();
			}
			out.append(raw, eol + 2, eol + 2 + n);
			i = eol + 2 + n + 2;
		}
	}

	/** {@code ftyp}, a {@code moov} with a 150-second movie header, and an {@code mdat} box holding the rest. */
	static byte[] mp4Header(long total) {
		ByteBuffer b = ByteBuffer.allocate(24 + 116 + 8);
		b.putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom")).put(ascii("mp41"));
		b.putInt(116).put(ascii("moov"));
		b.putInt(108).put(ascii("mvhd")).putInt(0).putInt(0).putInt(0).putInt(1000).putInt(150_000);
		b.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]);
		int[] matrix = { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 };
		for (int m : matrix) {
			b.putInt(m);
		}
		b.put(new byte[24]).putInt(2);
		b.putInt((int) (total - 140)).put(ascii("mdat"));
		return b.array();
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	// --- memory ------------------------------------------------------------------------------------------------

	/** Samples the service's used heap with {@code jstat} every 250 ms; peak RSS comes from the kernel. */
	static final class MemorySampler {

		private final long pid;

		final AtomicLong peakHeapKb = new AtomicLong();

		private Process jstat;

		MemorySampler(long pid) {
			this.pid = pid;
		}

		void start() throws IOException {
			jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "250").redirectErrorStream(true).start();
			Thread reader = new Thread(() -> {
				try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
					String[] names = null;
					String text;
					while ((text = lines.readLine()) != null) {
						String[] cols = text.trim().split("\\s+");
						if (cols[0].equals("S0C")) {
							names = cols;
							continue;
						}
						if (names == null || cols.length != names.length) {
							continue;
						}
						double used = 0;
						for (int i = 0; i < names.length; i++) {
							if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
								used += Double.parseDouble(cols[i]);
							}
						}
						long kb = (long) used;
						peakHeapKb.accumulateAndGet(kb, Math::max);
					}
				}
				catch (IOException ex) {
					// jstat was stopped
				}
			});
			reader.setDaemon(true);
			reader.start();
		}

		void resetPeak() {
			peakHeapKb.set(0);
		}

		long peakRssKb() throws IOException {
			for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (l.startsWith("VmHWM:")) {
					return Long.parseLong(l.replaceAll("\\D", ""));
				}
			}
			return -1;
		}

		void stop() {
			if (jstat != null) {
				jstat.destroy();
			}
		}

	}

	private static void deleteTree(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

}
