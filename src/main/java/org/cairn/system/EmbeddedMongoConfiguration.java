package org.cairn.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.ConnectionString;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.PropertiesMongoConnectionDetails;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Starts {@link EmbeddedMongo} and points Spring Data at it, only when no MongoDB URI is configured (and
 * {@code cairn.embedded-mongo} is not {@code false}); otherwise Spring Data connects to {@code spring.mongodb.uri} as
 * Spring Boot would. Decided inside the beans at run time, not by a {@code @Conditional}: the Docker image runs the
 * ahead-of-time processed application, whose set of beans is fixed when the jar is built (docs/foundation.md,
 * "Start-up"), and one image serves both stores.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	/**
	 * A random credential per start unless {@code cairn.embedded-mongo-password} is set (for an operator's tool, or
	 * another instance joining the store); either way every connection must authenticate. Other instances may only
	 * join by an explicit {@code cairn.embedded-mongo-shared=true}, which needs a configured password (a random one
	 * could not be given to them) and is what allows a fixed port or an address other than loopback. No bean at all
	 * ({@code null}) when {@code spring.mongodb.uri} is set or {@code cairn.embedded-mongo=false}.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedMongo embeddedMongo(CairnProperties properties, EmbeddedMongoProperties embedded,
			MongoProperties connection) {
		if (StringUtils.hasText(connection.getUri()) || !properties.embeddedMongo()) {
			return null;
		}
		String username = embedded.embeddedMongoUsername();
		String password = embedded.embeddedMongoPassword();
		boolean shared = embedded.embeddedMongoShared();
		String bindAddress = embedded.embeddedMongoBindAddress();
		int port = embedded.embeddedMongoPort();
		if (shared && !StringUtils.hasText(password)) {
			throw new IllegalStateException("cairn.embedded-mongo-shared=true needs cairn.embedded-mongo-password "
					+ "(at least 16 printable characters): the instances that join the store present it.");
		}
		if (!shared && (port != 0 || !isLoopback(bindAddress))) {
			throw new IllegalStateException("cairn.embedded-mongo-port and cairn.embedded-mongo-bind-address are for "
					+ "a store other instances join: set cairn.embedded-mongo-shared=true and a password, or remove them.");
		}
		EmbeddedMongo.Credential credential = StringUtils.hasText(password)
				? new EmbeddedMongo.Credential(username, password) : EmbeddedMongo.Credential.random();
		EmbeddedMongo mongo = EmbeddedMongo.start(properties.dataDir(), credential, bindAddress, port);
		if (shared) {
			log.info("Embedded store shared at {}:{}: other instances join with spring.mongodb.uri="
					+ "mongodb://{}:<password>@{}:{}/cairn?authSource=admin&authMechanism={}",
					mongo.address().getHostString(), mongo.address().getPort(), username,
					mongo.address().getHostString(), mongo.address().getPort(), ScramBackend.MECHANISM);
		}
		return mongo;
	}

	private static boolean isLoopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * {@code cairn.store.documents.read}: documents the embedded store read from its file since start. Nothing exports
	 * it; {@code perf/scale.sh} exposes the metrics endpoint on its own run to show what each page reads.
	 */
	@Bean
	MeterBinder embeddedStoreReads(ObjectProvider<EmbeddedMongo> embedded) {
		return registry -> embedded.ifAvailable(store -> FunctionCounter
			.builder("cairn.store.documents.read", IndexedH2Collection.DOCUMENTS_READ, LongAdder::doubleValue)
			.description("Documents the embedded store read from its file")
			.register(registry));
	}

	/**
	 * Where Spring Data connects: the embedded store when it runs, otherwise what Spring Boot itself would use
	 * ({@code spring.mongodb.uri} and the other {@code spring.mongodb.*} settings).
	 */
	@Bean
	MongoConnectionDetails storeConnectionDetails(ObjectProvider<EmbeddedMongo> embedded, MongoProperties mongo,
			ObjectProvider<SslBundles> sslBundles) {
		EmbeddedMongo store = embedded.getIfAvailable();
		if (store == null) {
			return new PropertiesMongoConnectionDetails(mongo, sslBundles.getIfAvailable());
		}
		ConnectionString connectionString = new ConnectionString(store.connectionString());
		return () -> connectionString;
	}

}
