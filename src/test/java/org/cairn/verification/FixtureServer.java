package org.cairn.verification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP server on loopback for tests: serves a folder (the 1EdTech assets) and documents or handlers
 * registered per path. Nothing in a test reaches beyond 127.0.0.1.
 */
final class FixtureServer implements AutoCloseable {

	private final HttpServer server;

	private final Path root;

	private final Map<String, Consumer<HttpExchange>> routes = new ConcurrentHashMap<>();

	FixtureServer(Path root) {
		this(root, InetAddress.getLoopbackAddress());
	}

	/** On another loopback address (127.0.0.2 is one on Linux), e.g. one the verifier's test configuration allows. */
	FixtureServer(Path root, InetAddress address) {
		this.root = root;
		try {
			server = HttpServer.create(new InetSocketAddress(address, 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	URI url(String path) {
		return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + path);
	}

	void json(String path, byte[] body) {
		routes.put(path, exchange -> respond(exchange, 200, "application/ld+json", body));
	}

	void route(String path, Consumer<HttpExchange> handler) {
		routes.put(path, handler);
	}

	void clear() {
		routes.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			Consumer<HttpExchange> route = routes.get(path);
			if (route != null) {
				route.accept(exchange);
				return;
			}
			Path file = root == null ? null : root.resolve(path.substring(1)).normalize();
			if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
				respond(exchange, 404, "text/plain", "not found".getBytes());
				return;
			}
			String name = file.getFileName().toString();
			String type = name.endsWith(".json") ? "application/ld+json"
					: name.endsWith(".png") ? "image/png" : name.endsWith(".html") ? "text/html" : "application/octet-stream";
			respond(exchange, 200, type, Files.readAllBytes(file));
		}
	}

	static void respond(HttpExchange exchange, int status, String type, byte[] body) {
		try {
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}

}
