package org.cairn.system;

import java.nio.file.Path;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static MongoClient client(EmbeddedMongo store) {
		return MongoClients.create(store.connectionString());
	}

}
