package org.cairn.demo;

import java.util.Set;

import org.cairn.account.PasswordPolicy;
import org.cairn.account.PersonChanges;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictSettings;
import org.cairn.district.Districts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A neighbouring district with its own administrator, so endorsements between districts can be tried: sign in as
 * {@code maple.admin@demo.cairn.test} and endorse a badge of the demo district, then accept it as the demo
 * district's administrator. Created once by slug; a restart finds it.
 */
@Component
@Order(40)
class NeighbourDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(NeighbourDemo.class);

	static final String SLUG = "maple-ridge-demo";

	static final String ADMIN = "maple.admin@" + DemoSeeder.DOMAIN;

	private static final DistrictSettings DISTRICT = new DistrictSettings("Maple Ridge School District",
			"https://maple-ridge.demo.cairn.test", "pd@maple-ridge." + DemoSeeder.DOMAIN,
			"The demo's neighbouring district, to try endorsements between districts.", null, "#7a4b1f",
			"America/Chicago", 7, 2_000_000, false, false, District.DEFAULT_MAX_UPLOAD_BYTES);

	private final Districts districts;

	private final PersonChanges people;

	private final PasswordEncoder passwords;

	private final String password;

	NeighbourDemo(Districts districts, PersonChanges people, PasswordEncoder passwords, DemoProperties demo) {
		this.districts = districts;
		this.people = people;
		this.passwords = passwords;
		this.password = demo.password();
	}

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		return Mono.fromRunnable(() -> PasswordPolicy.check(password, null))
			.then(districts.createOnce(SLUG, DISTRICT))
			.flatMap(district -> people.createOnce(new PersonChanges.NewAccount(district.id(), ADMIN, "Morgan Maple",
					Set.of(Role.DISTRICT_ADMIN), false, "District Office", 12, null),
					Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic())))
			.doOnNext(account -> log.info("Demo neighbouring district: {} (administrator {}), to try endorsements",
					DISTRICT.name(), ADMIN))
			.then();
	}

}
