package org.cairn.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.cairn.account.PasswordPolicy;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictSettings;
import org.cairn.district.Districts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo district and its people (admin, two assessors, three teachers), publishes
 * {@link DemoDistrictSeeded}, then runs the {@link DemoStep}s (templates, earning, issuing) that add each feature's
 * demo data through its public services. Runs once, on an empty store, and never acts
 * on existing data: the first seeding leaves a marker document ({@value #MARKER} in {@value #COLLECTION}); a start
 * that finds the marker, or finds districts or people the demo did not create, seeds nothing and only logs. The
 * demo steps then never run again, so a restart with {@code demo} cannot decide a real submission, pay a
 * stipend or issue a badge. The marker is inserted before seeding with a unique id, so of several instances
 * starting at once exactly one seeds.
 * <p>
 * Only with the {@value #PROFILE} profile active, decided here at run time rather than by {@code @Profile}: the
 * Docker image runs the ahead-of-time processed application, whose set of beans is fixed at build time
 * (docs/foundation.md, "Start-up"), and must still seed when started with the profile.
 */
@Component
class DemoSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	static final String PROFILE = "demo";

	static final String SLUG = "demo";

	static final String DOMAIN = "demo.cairn.test";

	private static final List<Seat> SEATS = List.of(
			new Seat("admin", "Dana Admin", Set.of(Role.DISTRICT_ADMIN), "District Office", 15),
			new Seat("assessor1", "Avery Assessor", Set.of(Role.ASSESSOR), "Lincoln Middle School", 12),
			new Seat("assessor2", "Sam Coach-Assessor", Set.of(Role.ASSESSOR, Role.COACH), "Central High School", 9),
			new Seat("teacher1", "Taylor Teacher", Set.of(Role.TEACHER), "Lincoln Middle School", 2),
			new Seat("teacher2", "Jordan Teacher", Set.of(Role.TEACHER), "Central High School", 8),
			new Seat("teacher3", "Riley Teacher", Set.of(Role.TEACHER), "Maple Elementary School", 21));

	private static final DistrictSettings DISTRICT = new DistrictSettings("Cairn Demo District",
			"https://demo.cairn.test", "pd@" + DOMAIN, "A demo district to click through every role of Cairn.", null,
			"#1f6f5c", "America/Chicago", 7, 5_000_000, false, false, District.DEFAULT_MAX_UPLOAD_BYTES);

	private final Districts districts;

	private final PersonChanges people;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String password;

	private final ReactiveMongoTemplate mongo;

	private final List<DemoStep> steps;

	private final boolean active;

	static final String COLLECTION = "demo";

	static final String MARKER = "demo-seeding";

	DemoSeeder(Districts districts, PersonChanges people, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock, DemoProperties demo,
			ReactiveMongoTemplate mongo, List<DemoStep> steps, Environment environment) {
		this.districts = districts;
		this.people = people;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
		this.password = demo.password();
		this.mongo = mongo;
		this.steps = List.copyOf(steps);
		this.active = environment.matchesProfiles(PROFILE);
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

	/**
	 * The one place the start waits: the demo data must exist before the first request (a newcomer, and the browser
	 * journeys, sign in as the demo people at once), and the readiness probe only turns up after the runners.
	 */
	@Override
	public void run(ApplicationArguments args) {
		if (!active) {
			return;
		}
		claim().flatMap(claim -> switch (claim) {
			case SEED -> seed().flatMap(seeded -> Mono.<Void>fromRunnable(() -> {
				printAccounts();
				events.publishEvent(seeded);
			}).then(Flux.fromIterable(steps).concatMap(step -> step.seed(seeded)).then()))
				.then(Mono.defer(() -> mongo.updateFirst(Query.query(Criteria.where("_id").is(MARKER)),
						new Update().set("completedAt", clock.instant()), COLLECTION)))
				.then();
			case SEEDED_BEFORE -> Mono.<Void>fromRunnable(() -> {
				log.info("Demo data was seeded by an earlier start; this start changes nothing.");
				printAccounts();
			});
			case REAL_DATA -> Mono.<Void>fromRunnable(() -> log.warn("The demo profile is on, but the store already holds "
					+ "districts or people the demo did not create: no demo data is seeded and nothing is changed. "
					+ "Start without the demo profile, or with a new data directory to try the demo."));
		}).block();
	}

	Mono<Claim> claim() {
		// a platform administrator (configured, or created from the set-up link) is not district data
		Mono<Boolean> empty = districts.any()
			.zipWith(people.anyDistrictPerson(),
					(districts, people) -> !districts && !people);
		return mongo.exists(Query.query(Criteria.where("_id").is(MARKER)), COLLECTION)
			.flatMap(marked -> marked ? Mono.just(Claim.SEEDED_BEFORE)
					: empty.flatMap(isEmpty -> !isEmpty ? Mono.just(Claim.REAL_DATA)
							: mongo.insert(new Document("_id", MARKER).append("startedAt", Date.from(clock.instant())),
									COLLECTION)
								.thenReturn(Claim.SEED)
								.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(Claim.SEEDED_BEFORE))));
	}

	/** Creates what is missing. */
	Mono<DemoDistrictSeeded> seed() {
		return Mono.fromRunnable(() -> PasswordPolicy.check(password, null))
			.then(districts.createOnce(SLUG, DISTRICT))
			.flatMap(district -> {
				// encoding the password is deliberately slow CPU work: off the event loop
				return Mono.fromCallable(() -> passwords.encode(password))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap(hash -> seat(district, hash, 0, null, new ArrayList<>()))
					.map(seated -> {
						List<String> assessors = seated.stream().filter(p -> p.has(Role.ASSESSOR)).map(Person::id).toList();
						List<String> teachers = seated.stream().filter(p -> p.has(Role.TEACHER)).map(Person::id).toList();
						return new DemoDistrictSeeded(district.id(), seated.get(0).id(), assessors, teachers);
					});
			});
	}

	/** Seats one person after another: a teacher's coach is the coach seated before them. */
	private Mono<List<Person>> seat(District district, String hash, int index, String coachId, List<Person> seated) {
		if (index == SEATS.size()) {
			return Mono.just(seated);
		}
		Seat seat = SEATS.get(index);
		return person(district, seat, hash, seat.roles().contains(Role.TEACHER) ? coachId : null).flatMap(person -> {
			seated.add(person);
			return seat(district, hash, index + 1, person.has(Role.COACH) ? person.id() : coachId, seated);
		});
	}

	private Mono<Person> person(District district, Seat seat, String hash, String coachId) {
		String email = seat.login() + "@" + DOMAIN;
		return people
			.createOnce(new PersonChanges.NewAccount(district.id(), email, seat.name(), seat.roles(), false,
					seat.school(), seat.years(), coachId), Mono.just(hash))
			.map(PersonChanges.Account::person);
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
