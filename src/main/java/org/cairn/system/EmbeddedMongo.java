package org.cairn.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code spring.mongodb.uri} is configured, so one command runs
 * everything on a fresh machine. Data lives in an H2 file under the data directory and survives restarts. It listens
 * on loopback only and answers nothing but the handshake until a connection authenticated ({@link ScramBackend}),
 * so other users of the machine cannot read or change the data through the port.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	private final H2Backend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	private final Credential credential;

	private EmbeddedMongo(H2Backend backend, MongoServer server, InetSocketAddress address, Credential credential) {
		this.backend = backend;
		this.server = server;
		this.address = address;
		this.credential = credential;
	}

	/**
	 * Who may connect: every connection must authenticate with SCRAM-SHA-256 as this user. The password is never
	 * stored or logged; only the salted keys live in the server.
	 */
	public record Credential(String username, String password) {

		public Credential {
			if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
				throw new IllegalArgumentException("The embedded store's user name must be 1 to 64 letters, digits, "
						+ "dots, dashes or underscores.");
			}
			if (password == null || password.length() < 16 || !password.matches("[\\x21-\\x7e]+")) {
				throw new IllegalArgumentException("The embedded store's password must be at least 16 printable "
						+ "ASCII characters without spaces.");
			}
		}

		/** A fresh secret for one run, known only to this process. */
		public static Credential random() {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			return new Credential("cairn", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
		}

		@Override
		public String toString() {
			return "Credential[" + username + "]";
		}

	}

	/** Opens the store with a random per-start credential; only this process can connect. */
	public static EmbeddedMongo start(Path dataDir) {
		return start(dataDir, Credential.random());
	}

	/** Opens (or creates) the store under {@code dataDir} and listens on a free loopback port. */
	public static EmbeddedMongo start(Path dataDir, Credential credential) {
		return start(dataDir, credential, "127.0.0.1", 0);
	}

	/**
	 * Opens (or creates) the store under {@code dataDir} and listens on the given address and port (0: a free
	 * one). Only a store shared with other instances listens anywhere but a free loopback port.
	 */
	public static EmbeddedMongo start(Path dataDir, Credential credential, String bindAddress, int port) {
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create data directory " + dataDir.toAbsolutePath(), ex);
		}
		Path file = dataDir.resolve("cairn.mv").toAbsolutePath();
		H2Backend backend = new IndexedH2Backend(file.toString());
		MongoServer server = new MongoServer(new ScramBackend(backend, credential.username(), credential.password()));
		server.bind(bindAddress, port);
		InetSocketAddress address = server.getLocalAddress();
		log.info("Embedded MongoDB-wire store at {} (data in {}), {} authentication required", address, file,
				ScramBackend.MECHANISM);
		return new EmbeddedMongo(backend, server, address, credential);
	}

	/**
	 * With the credential: keep it out of logs. {@code connectTimeoutMS} is also the driver's read timeout for its
	 * heartbeat: the in-process store answers a heartbeat late while it builds an index over a large collection
	 * (minutes on a loaded machine, once, after an upgrade that declares one), and a late heartbeat made the driver
	 * clear its pool, failing every other index declared at that start ("Connection pool … is paused").
	 */
	public String connectionString() {
		return "mongodb://" + encode(credential.username()) + ":" + encode(credential.password()) + "@"
				+ address.getHostString() + ":" + address.getPort() + "/cairn?authSource=admin&authMechanism="
				+ ScramBackend.MECHANISM + "&connectTimeoutMS=600000";
	}

	/** Where it listens, without the credential. */
	public InetSocketAddress address() {
		return address;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Stops listening and closes the H2 file, so the next start finds it unlocked. */
	@Override
	public void close() {
		server.shutdownNow();
		backend.close();
	}

}
