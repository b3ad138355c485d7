package org.cairn.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.cairn.account.PasswordPolicy;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo district and its people (admin, two assessors, three teachers), then publishes
 * {@link DemoDistrictSeeded} so every feature adds its own demo data. Runs once, on an empty store, and never acts
 * on existing data: the first seeding leaves a marker document ({@value #MARKER} in {@value #COLLECTION}); a start
 * that finds the marker, or finds districts or people the demo did not create, seeds nothing and only logs. The
 * feature listeners then never run again, so a restart with {@code demo} cannot decide a real submission, pay a
 * stipend or issue a badge. The marker is inserted before seeding with a unique id, so of several instances
 * starting at once exactly one seeds.
 */
@Component
@Profile("demo")
class DemoSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	static final String SLUG = "demo";

	static final String DOMAIN = "demo.cairn.test";

	private static final List<Seat> SEATS = List.of(
			new Seat("admin", "Dana Admin", Set.of(Role.DISTRICT_ADMIN), "District Office", 15),
			new Seat("assessor1", "Avery Assessor", Set.of(Role.ASSESSOR), "Lincoln Middle School", 12),
			new Seat("assessor2", "Sam Coach-Assessor", Set.of(Role.ASSESSOR, Role.COACH), "Central High School", 9),
			new Seat("teacher1", "Taylor Teacher", Set.of(Role.TEACHER), "Lincoln Middle School", 2),
			new Seat("teacher2", "Jordan Teacher", Set.of(Role.TEACHER), "Central High School", 8),
			new Seat("teacher3", "Riley Teacher", Set.of(Role.TEACHER), "Maple Elementary School", 21));

	private final DistrictRepository districts;

	private final PersonRepository people;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String password;

	private final ReactiveMongoTemplate mongo;

	static final String COLLECTION = "demo";

	static final String MARKER = "demo-seeding";

	DemoSeeder(DistrictRepository districts, PersonRepository people, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock, DemoProperties demo,
			ReactiveMongoTemplate mongo) {
		this.districts = districts;
		this.people = people;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
		this.password = demo.password();
		this.mongo = mongo;
	}

	/** What a start with the demo profile found. */
	enum Claim {

		/** An empty store, now marked: this start seeds. */
		SEED,
		/** Seeded by an earlier start (or by another instance now). */
		SEEDED_BEFORE,
		/** The store holds data the demo did not create. */
		REAL_DATA

	}

	@Override
	public void run(ApplicationArguments args) {
		switch (claim()) {
			case SEED -> {
				DemoDistrictSeeded seeded = seed();
				printAccounts();
				events.publishEvent(seeded);
				mongo.updateFirst(Query.query(Criteria.where("_id").is(MARKER)),
						new Update().set("completedAt", clock.instant()), COLLECTION).block();
			}
			case SEEDED_BEFORE -> {
				log.info("Demo data was seeded by an earlier start; this start changes nothing.");
				printAccounts();
			}
			case REAL_DATA -> log.warn("The demo profile is on, but the store already holds districts or people the "
					+ "demo did not create: no demo data is seeded and nothing is changed. Start without the demo "
					+ "profile, or with a new data directory to try the demo.");
		}
	}

	/** Start-up only, so it blocks. */
	Claim claim() {
		if (Boolean.TRUE.equals(mongo.exists(Query.query(Criteria.where("_id").is(MARKER)), COLLECTION).block())) {
			return Claim.SEEDED_BEFORE;
		}
		// a platform administrator (configured, or created from the set-up link) is not district data
		boolean empty = Boolean.FALSE.equals(mongo.exists(new Query(), District.class).block())
				&& Boolean.FALSE.equals(
						mongo.exists(Query.query(Criteria.where("platformAdmin").ne(true)), Person.class).block());
		if (!empty) {
			return Claim.REAL_DATA;
		}
		return mongo.insert(new Document("_id", MARKER).append("startedAt", Date.from(clock.instant())), COLLECTION)
			.thenReturn(Claim.SEED)
			.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(Claim.SEEDED_BEFORE))
			.block();
	}

	/** Creates what is missing; start-up only, so it blocks. */
	DemoDistrictSeeded seed() {
		PasswordPolicy.check(password, null);
		District district = districts.findBySlug(SLUG)
			.switchIfEmpty(Mono.defer(() -> districts.save(newDistrict())))
			.onErrorResume(DuplicateKeyException.class, ex -> districts.findBySlug(SLUG))
			.block();
		String hash = passwords.encode(password);
		String coachId = null;
		List<Person> seated = new ArrayList<>();
		for (Seat seat : SEATS) {
			Person person = person(district, seat, hash, seat.roles().contains(Role.TEACHER) ? coachId : null);
			if (person.has(Role.COACH)) {
				coachId = person.id();
			}
			seated.add(person);
		}
		List<String> assessors = seated.stream().filter(p -> p.has(Role.ASSESSOR)).map(Person::id).toList();
		List<String> teachers = seated.stream().filter(p -> p.has(Role.TEACHER)).map(Person::id).toList();
		return new DemoDistrictSeeded(district.id(), seated.get(0).id(), assessors, teachers);
	}

	private Person person(District district, Seat seat, String hash, String coachId) {
		String email = seat.login() + "@" + DOMAIN;
		return people.findByEmail(email)
			.switchIfEmpty(Mono.defer(() -> people.save(new Person(null, district.id(), email, seat.name(), hash,
					seat.roles(), false, seat.school(), seat.years(), coachId, true, clock.instant(), null))))
			.onErrorResume(DuplicateKeyException.class, ex -> people.findByEmail(email))
			.block();
	}

	private District newDistrict() {
		return new District(null, SLUG, "Cairn Demo District", "https://demo.cairn.test", "pd@" + DOMAIN,
				"A demo district to click through every role of Cairn.", null, "#1f6f5c", "America/Chicago", 7,
				5_000_000, false, false, District.DEFAULT_MAX_UPLOAD_BYTES, clock.instant(), null);
	}

	private void printAccounts() {
		StringBuilder block = new StringBuilder("\n\n=========== Cairn demo accounts (password: ").append(password)
			.append(") ===========\n");
		for (Seat seat : SEATS) {
			block.append(String.format("  %-28s %s%n", seat.login() + "@" + DOMAIN, seat.roles()));
		}
		block.append("==========================================================================\n");
		log.info(block.toString());
	}

	private record Seat(String login, String name, Set<Role> roles, String school, int years) {
	}

}
