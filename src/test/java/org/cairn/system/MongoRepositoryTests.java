package org.cairn.system;

import java.io.IOException;
import java.nio.file.Files;

import org.cairn.account.PersonRepository;
import org.cairn.district.DistrictRepository;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract on a real MongoDB 8 (a single-node replica set) through {@code spring.mongodb.uri}, the way
 * districts run Cairn in production. Skipped, not failed, where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class MongoRepositoryTests implements RepositoryContract {

	@Container
	static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

	@DynamicPropertySource
	static void realMongo(DynamicPropertyRegistry registry) throws IOException {
		registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("cairn"));
		registry.add("cairn.data-dir", () -> createDataDir());
	}

	private static String createDataDir() {
		try {
			return Files.createTempDirectory("cairn-mongo-test-").toString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Autowired
	PersonRepository people;

	@Autowired
	DistrictRepository districts;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	StoreIndexes indexes;

	@Autowired
	ApplicationContext context;

	@org.junit.jupiter.api.Test
	void nothingEmbeddedStartsWhenAUriIsConfigured() {
		assertThat(context.getBeanNamesForType(EmbeddedMongo.class)).isEmpty();
	}

	@Override
	public PersonRepository people() {
		return people;
	}

	@Override
	public DistrictRepository districts() {
		return districts;
	}

	@Override
	public ReactiveMongoTemplate mongo() {
		return mongo;
	}

	@Override
	public StoreIndexes indexes() {
		return indexes;
	}

}
