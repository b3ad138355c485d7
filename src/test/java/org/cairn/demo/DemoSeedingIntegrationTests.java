package org.cairn.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.district.Districts;
import org.cairn.support.IntegrationTest;
import org.cairn.system.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.repository.support.ReactiveMongoRepositoryFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile seeds once, on an empty store, and never acts on existing data. Failed on main, where a start
 * with {@code demo} on a store with real districts seeded the demo district and let every feature's demo act again
 * (it auto-passed a real pending submission, paid a stipend and issued badges).
 */
class DemoSeedingIntegrationTests extends IntegrationTest {

	@Autowired
	DistrictRepository districts;

	@Autowired
	PersonRepository people;

	@Autowired
	Districts districtOperations;

	@Autowired
	PersonChanges personChanges;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ReactiveMongoTemplate mongo;

	@TempDir
	Path emptyStore;

	/** Started with {@code --spring.profiles.active=demo}. */
	static final StandardEnvironment DEMO = environment("demo");

	private static StandardEnvironment environment(String... profiles) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles(profiles);
		return environment;
	}

	/** The seeder is a bean of every start (the ahead-of-time processed image has no profiles): it decides itself. */
	@Test
	void withoutTheDemoProfileAnEmptyStoreStaysEmpty() {
		try (EmbeddedMongo store = EmbeddedMongo.start(emptyStore);
				MongoClient client = MongoClients.create(store.connectionString())) {
			ReactiveMongoTemplate own = new ReactiveMongoTemplate(client, "cairn");
			var repositories = new ReactiveMongoRepositoryFactory(own);
			DistrictRepository ownDistricts = repositories.getRepository(DistrictRepository.class);
			List<Object> published = new ArrayList<>();
			DemoSeeder seeder = new DemoSeeder(new Districts(ownDistricts, own, Clock.systemUTC()),
					new PersonChanges(own, Clock.systemUTC()), passwords, published::add, Clock.systemUTC(),
					new DemoProperties("cairn-demo-password"), own, List.of(), environment());

			seeder.run(null);

			assertThat(published).isEmpty();
			assertThat(own.count(new Query(), District.class).block()).isZero();
			assertThat(own.count(new Query(), Person.class).block()).isZero();
		}
	}

	@Test
	void aStoreWithRealDataIsLeftAlone() {
		District real = data.district();
		Person teacher = data.person(real, Role.TEACHER);
		long districtsBefore = mongo.count(new Query(), District.class).block();
		long peopleBefore = mongo.count(new Query(), Person.class).block();
		List<Object> published = new ArrayList<>();
		DemoSeeder seeder = new DemoSeeder(districtOperations, personChanges, passwords, published::add, Clock.systemUTC(),
				new DemoProperties("cairn-demo-password"), mongo, List.of(), DEMO);

		seeder.run(null);

		assertThat(published).as("no feature's demo runs").isEmpty();
		assertThat(districts.findBySlug(DemoSeeder.SLUG).block()).isNull();
		assertThat(mongo.count(new Query(), District.class).block()).isEqualTo(districtsBefore);
		assertThat(mongo.count(new Query(), Person.class).block()).isEqualTo(peopleBefore);
		assertThat(people.findById(teacher.id()).block()).usingRecursiveComparison()
			.ignoringFields("createdAt")
			.isEqualTo(teacher);
	}

	@Test
	void anEmptyStoreIsSeededOnceAndARestartChangesNothing() {
		try (EmbeddedMongo store = EmbeddedMongo.start(emptyStore);
				MongoClient client = MongoClients.create(store.connectionString())) {
			ReactiveMongoTemplate own = new ReactiveMongoTemplate(client, "cairn");
			var repositories = new ReactiveMongoRepositoryFactory(own);
			DistrictRepository ownDistricts = repositories.getRepository(DistrictRepository.class);
			Districts ownDistrictOperations = new Districts(ownDistricts, own, Clock.systemUTC());
			PersonChanges ownPersonChanges = new PersonChanges(own, Clock.systemUTC());
			List<Object> published = new ArrayList<>();
			ApplicationEventPublisher events = published::add;
			DemoSeeder first = new DemoSeeder(ownDistrictOperations, ownPersonChanges, passwords, events, Clock.systemUTC(),
					new DemoProperties("cairn-demo-password"), own, List.of(), DEMO);

			first.run(null);

			assertThat(published).hasSize(1).first().isInstanceOf(DemoDistrictSeeded.class);
			assertThat(ownDistricts.findBySlug(DemoSeeder.SLUG).block()).isNotNull();
			long peopleAfterSeeding = own.count(new Query(), Person.class).block();
			assertThat(peopleAfterSeeding).isEqualTo(6);

			// a restart (another instance, or the same one later): nothing is published, nothing is created
			new DemoSeeder(ownDistrictOperations, ownPersonChanges, passwords, events, Clock.systemUTC(), new DemoProperties("cairn-demo-password"), own, List.of(), DEMO)
				.run(null);
			assertThat(published).hasSize(1);
			assertThat(own.count(new Query(), Person.class).block()).isEqualTo(peopleAfterSeeding);
		}
	}

}
