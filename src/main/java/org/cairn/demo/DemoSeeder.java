package org.cairn.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cairn.account.PasswordPolicy;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo district and its people (admin, two assessors, three teachers), then publishes
 * {@link DemoDistrictSeeded} so every feature adds its own demo data. Idempotent: a restart finds what exists by
 * its unique slug and emails and creates nothing twice.
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

	DemoSeeder(DistrictRepository districts, PersonRepository people, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock, @Value("${cairn.demo.password}") String password) {
		this.districts = districts;
		this.people = people;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		DemoDistrictSeeded seeded = seed();
		printAccounts();
		events.publishEvent(seeded);
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
