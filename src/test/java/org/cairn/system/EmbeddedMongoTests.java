package org.cairn.system;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.mongodb.autoconfigure.MongoProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsDataAcrossRestartsAndReleasesTheFile() {
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			Mono.from(client.getDatabase("cairn").getCollection("things")
				.insertOne(new Document("_id", "a").append("n", 42))).block();
		}
		// A second start on the same directory must find the file unlocked and the document still there.
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient client = client(store)) {
			Document found = Mono.from(client.getDatabase("cairn").getCollection("things")
				.find(new Document("_id", "a")).first()).block();
			assertThat(found).isNotNull();
			assertThat(found.getInteger("n")).isEqualTo(42);
		}
	}

	/**
	 * Another local user who finds the loopback port must not be able to make themselves platform administrator:
	 * without the credential (or with a wrong one) no read and no write gets through. Failed on main, where the
	 * port answered anyone.
	 */
	@Test
	void aConnectionWithoutTheCredentialCanNeitherReadNorWrite() {
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir); MongoClient owner = client(store)) {
			Mono.from(owner.getDatabase("cairn").getCollection("people")
				.insertOne(new Document("_id", "p1").append("roles", java.util.List.of("TEACHER")))).block();
			var address = store.address();
			String anonymous = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/cairn";
			try (MongoClient intruder = MongoClients.create(quick(anonymous))) {
				var people = intruder.getDatabase("cairn").getCollection("people");
				assertThatThrownBy(() -> Mono.from(people.updateOne(new Document("_id", "p1"),
						new Document("$set", new Document("roles", java.util.List.of("PLATFORM_ADMIN"))))).block())
					.isInstanceOf(MongoCommandException.class)
					.satisfies(ex -> assertThat(((MongoCommandException) ex).getErrorCode()).isEqualTo(13));
				assertThatThrownBy(() -> Mono.from(people.find().first()).block())
					.isInstanceOf(MongoCommandException.class);
				assertThatThrownBy(() -> Mono.from(intruder.listDatabaseNames()).block())
					.isInstanceOf(MongoCommandException.class);
			}
			String wrong = "mongodb://cairn:not-the-password-at-all@" + address.getHostString() + ":"
					+ address.getPort() + "/cairn?authSource=admin&authMechanism=SCRAM-SHA-256";
			try (MongoClient guesser = MongoClients.create(quick(wrong))) {
				assertThatThrownBy(() -> Mono.from(guesser.getDatabase("cairn").getCollection("people")
					.find().first()).block())
					.isInstanceOfAny(MongoSecurityException.class, MongoTimeoutException.class);
			}
			Document person = Mono.from(owner.getDatabase("cairn").getCollection("people").find().first()).block();
			assertThat(person.getList("roles", String.class)).containsExactly("TEACHER");
		}
	}

	/** A configured credential (for an operator's tool or a second instance) works, and a random one differs per start. */
	@Test
	void aConfiguredCredentialLetsAnotherClientIn() {
		var credential = new EmbeddedMongo.Credential("operator", "a-long-configured-secret");
		try (EmbeddedMongo store = EmbeddedMongo.start(dataDir, credential)) {
			var address = store.address();
			String uri = "mongodb://operator:a-long-configured-secret@" + address.getHostString() + ":"
					+ address.getPort() + "/cairn?authSource=admin&authMechanism=SCRAM-SHA-256";
			try (MongoClient tool = MongoClients.create(quick(uri))) {
				Mono.from(tool.getDatabase("cairn").getCollection("things").insertOne(new Document("n", 1))).block();
				assertThat(Mono.from(tool.getDatabase("cairn").getCollection("things").countDocuments()).block())
					.isEqualTo(1);
			}
		}
		assertThat(EmbeddedMongo.Credential.random().password())
			.isNotEqualTo(EmbeddedMongo.Credential.random().password());
		assertThat(EmbeddedMongo.Credential.random().toString()).doesNotContain("password");
	}

	private static MongoClient client(EmbeddedMongo store) {
		return MongoClients.create(quick(store.connectionString()));
	}

	private static MongoClientSettings quick(String uri) {
		return MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(uri))
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build();
	}

	@Test
	void startsNothingWhenAMongoUriIsConfiguredOrTheEmbeddedStoreIsSwitchedOff() {
		EmbeddedMongoConfiguration configuration = new EmbeddedMongoConfiguration();
		MongoProperties uri = new MongoProperties();
		uri.setUri("mongodb://db1.example.test/cairn");
		EmbeddedMongoProperties defaults = new EmbeddedMongoProperties(null, null, false, null, 0);
		assertThat(configuration.embeddedMongo(properties(true), defaults, uri)).isNull();
		assertThat(configuration.embeddedMongo(properties(false), defaults, new MongoProperties())).isNull();
		// and nothing was written to the data directory: no store file was opened
		assertThat(dataDir.toFile().list()).isEmpty();
	}

	private CairnProperties properties(boolean embeddedMongo) {
		return new CairnProperties(dataDir, URI.create("http://localhost:8080"), embeddedMongo);
	}

	@Test
	void otherInstancesMayOnlyJoinAStoreSharedExplicitlyWithAConfiguredPassword() {
		EmbeddedMongoConfiguration configuration = new EmbeddedMongoConfiguration();
		assertThatThrownBy(() -> configuration.embeddedMongo(properties(true),
				new EmbeddedMongoProperties("cairn", "", true, "127.0.0.1", 0), new MongoProperties()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cairn.embedded-mongo-shared=true needs cairn.embedded-mongo-password");
		// a fixed port or an address off loopback without sharing is a mistake, not a silent exposure
		assertThatThrownBy(() -> configuration.embeddedMongo(properties(true),
				new EmbeddedMongoProperties("cairn", "a-long-enough-password", false, "0.0.0.0", 0), new MongoProperties()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("set cairn.embedded-mongo-shared=true");
		assertThatThrownBy(() -> configuration.embeddedMongo(properties(true),
				new EmbeddedMongoProperties("cairn", "a-long-enough-password", false, "127.0.0.1", 27027), new MongoProperties()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("set cairn.embedded-mongo-shared=true");
	}

}
