package org.cairn.support;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.account.Sessions;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.ResponseCookie;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Creates districts, people and signed-in clients through the real repositories and session store. */
@TestComponent
public class TestData {

	public static final String PASSWORD = "correct horse battery staple";

	private final DistrictRepository districts;

	private final PersonRepository people;

	private final Sessions sessions;

	private final PasswordEncoder passwords;

	private final WebTestClient http;

	private String passwordHash;

	TestData(DistrictRepository districts, PersonRepository people, Sessions sessions, PasswordEncoder passwords,
			WebTestClient http) {
		this.districts = districts;
		this.people = people;
		this.sessions = sessions;
		this.passwords = passwords;
		this.http = http;
	}

	/** A new district with a unique slug and a $10,000 budget. */
	public District district() {
		String slug = "d-" + UUID.randomUUID().toString().substring(0, 8);
		return districts
			.save(new District(null, slug, "District " + slug, "https://" + slug + ".example.org",
					"pd@" + slug + ".example.org", "A test district", null, "#1f6f5c", "America/Chicago", 7,
					1_000_000, false, false, District.DEFAULT_MAX_UPLOAD_BYTES, Instant.now(), null))
			.block();
	}

	/** A person in the district with the given roles and the password {@link #PASSWORD}. */
	public Person person(District district, Role... roles) {
		String email = roles.length == 0 ? "x" : roles[0].name().toLowerCase();
		email = email + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + district.slug() + ".example.org";
		return people.save(new Person(null, district.id(), email, "Pat " + email.substring(0, 6), hash(),
				Set.of(roles), false, "Central High", 5, null, true, Instant.now(), null)).block();
	}

	/** A client signed in as the person through a real session cookie, sending the CSRF token like the app. */
	public WebTestClient as(Person person) {
		ResponseCookie cookie = sessions.open(person.id()).block();
		String csrf = UUID.randomUUID().toString();
		return http.mutate()
			.defaultCookie(Sessions.COOKIE, cookie.getValue())
			.defaultCookie("XSRF-TOKEN", csrf)
			.defaultHeader("X-XSRF-TOKEN", csrf)
			.build();
	}

	private synchronized String hash() {
		if (passwordHash == null) {
			passwordHash = passwords.encode(PASSWORD);
		}
		return passwordHash;
	}

}
