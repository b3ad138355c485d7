package org.cairn.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code spring.mongodb.uri} is configured, so one command runs
 * everything on a fresh machine. Data lives in an H2 file under the data directory and survives restarts.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	private final H2Backend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	private EmbeddedMongo(H2Backend backend, MongoServer server, InetSocketAddress address) {
		this.backend = backend;
		this.server = server;
		this.address = address;
	}

	/** Opens (or creates) the store under {@code dataDir} and listens on a free loopback port. */
	public static EmbeddedMongo start(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create data directory " + dataDir.toAbsolutePath(), ex);
		}
		Path file = dataDir.resolve("cairn.mv").toAbsolutePath();
		H2Backend backend = new H2Backend(file.toString());
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		log.info("Embedded MongoDB-wire store at {} (data in {})", address, file);
		return new EmbeddedMongo(backend, server, address);
	}

	public String connectionString() {
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/cairn";
	}

	/** Stops listening and closes the H2 file, so the next start finds it unlocked. */
	@Override
	public void close() {
		server.shutdownNow();
		backend.close();
	}

}
