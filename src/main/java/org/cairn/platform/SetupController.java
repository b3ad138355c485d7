package org.cairn.platform;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.PasswordPolicy;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.SecretTokens;
import org.cairn.account.Sessions;
import org.cairn.mail.HeaderText;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Following the one-time set-up link: creates the first platform administrator and signs them in. */
@RestController
class SetupController {

	private final ReactiveMongoTemplate mongo;

	private final PersonChanges people;

	private final PasswordEncoder passwords;

	private final Sessions sessions;

	private final java.time.Clock clock;

	SetupController(ReactiveMongoTemplate mongo, PersonChanges people, PasswordEncoder passwords,
			Sessions sessions, java.time.Clock clock) {
		this.mongo = mongo;
		this.people = people;
		this.passwords = passwords;
		this.sessions = sessions;
		this.clock = clock;
	}

	@PostMapping("/api/v1/setup/{token}")
	Mono<ResponseEntity<Created>> setUp(@PathVariable @Size(max = 100) String token,
			@Valid @RequestBody Administrator body) {
		String email = Person.normalizeEmail(body.email());
		PasswordPolicy.check(body.password(), email);
		Instant now = clock.instant();
		// Consumed before anything else: of two clicks, exactly one finds the token.
		return mongo
			.findAndRemove(Query.query(Criteria.where("_id").is(SetupToken.ID)
				.and("tokenHash").is(SecretTokens.hash(token))
				.and("expiresAt").gt(now)), SetupToken.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(PlatformProblem.SETUP_LINK_INVALID, "setup-link-invalid")))
			.publishOn(Schedulers.boundedElastic())
			.map(used -> passwords.encode(body.password()))
			.flatMap(hash -> people.create(PersonChanges.NewAccount.platformAdmin(email, body.displayName().trim()), hash))
			.onErrorMap(org.springframework.dao.DuplicateKeyException.class,
					ex -> ProblemException.of(PlatformProblem.EMAIL_IN_USE, "email-in-use"))
			.flatMap(admin -> sessions.open(admin.id())
				.map(cookie -> ResponseEntity.status(HttpStatus.CREATED)
					.header(HttpHeaders.SET_COOKIE, cookie.toString())
					.body(new Created(admin.id(), admin.email()))));
	}

	record Administrator(@NotBlank @Email @Size(max = 320) String email,
			@NotBlank @Size(max = 200) @HeaderText String displayName, @NotNull @Size(max = 200) String password) {
	}

	record Created(String id, String email) {
	}

}
