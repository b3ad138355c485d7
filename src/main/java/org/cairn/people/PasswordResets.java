package org.cairn.people;

import java.time.Clock;
import java.time.Instant;

import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.PersonRepository;
import org.cairn.account.SecretTokens;
import org.cairn.account.Sessions;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.cairn.problem.ProblemException;
import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Password reset by a single-use, expiring link sent to the account's email. */
@Service
class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	static final String LINK_PATH = "/password-resets/";

	private final PersonRepository people;

	private final org.cairn.account.EmailAddresses addresses;

	private final ReactiveMongoTemplate mongo;

	private final PersonChanges changes;

	private final Sessions sessions;

	private final Mailer mailer;

	private final CairnProperties cairn;

	private final PeopleProperties properties;

	private final Clock clock;

	PasswordResets(PersonRepository people, org.cairn.account.EmailAddresses addresses, ReactiveMongoTemplate mongo, PersonChanges changes, Sessions sessions, Mailer mailer,
			CairnProperties cairn, PeopleProperties properties, Clock clock) {
		this.people = people;
		this.addresses = addresses;
		this.mongo = mongo;
		this.changes = changes;
		this.sessions = sessions;
		this.mailer = mailer;
		this.cairn = cairn;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Mails a link when an active account has this email (its district email, or an address the person verified: a
	 * former teacher's personal address), to that address. Runs detached from the request, so the answer (and its
	 * timing) is the same whether or not the account exists.
	 */
	void request(String email) {
		String normalized = Person.normalizeEmail(email);
		addresses.personFor(normalized)
			.filter(Person::active)
			.flatMap(person -> issue(person, normalized))
			.onErrorResume(ex -> {
				log.warn("Password reset mail for an account could not be sent", ex);
				return Mono.empty();
			})
			.subscribe();
	}

	private Mono<Void> issue(Person person, String to) {
		String secret = SecretTokens.generate("pwr_");
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.passwordResetLifetime());
		String link = cairn.publicUrl(LINK_PATH + secret);
		String text = "Hello " + person.displayName() + ",\n\nSomeone (hopefully you) asked to reset your Cairn "
				+ "password. Choose a new one here; the link works once, for "
				+ properties.passwordResetLifetime().toMinutes() + " minutes:\n\n" + link
				+ "\n\nIf it was not you, ignore this message: your password stays as it is.\n";
		return mongo.insert(new PasswordReset(SecretTokens.hash(secret), person.id(), now, expiresAt, null))
			.then(mailer.send(new OutgoingMail(to, "Reset your Cairn password", text)));
	}

	/** The person a usable link belongs to; otherwise the problem saying why it cannot be used. */
	Mono<Person> personFor(String secret) {
		Instant now = clock.instant();
		return mongo.findById(SecretTokens.hash(secret), PasswordReset.class)
			.switchIfEmpty(Mono.error(() -> new ProblemException(PeopleProblem.PASSWORD_RESET_NOT_FOUND,
					"Unknown reset link", "This reset link is not valid. Ask for a new one.")))
			.flatMap(reset -> {
				if (reset.usedAt() != null) {
					return Mono.error(used());
				}
				if (!reset.expiresAt().isAfter(now)) {
					return Mono.error(new ProblemException(PeopleProblem.PASSWORD_RESET_EXPIRED, "Reset link expired",
							"This reset link has expired. Ask for a new one."));
				}
				return people.findById(reset.personId()).filter(Person::active);
			})
			.switchIfEmpty(Mono.error(used()));
	}

	/** Consumes the link, sets the new hash and signs the person out everywhere. */
	Mono<Void> reset(String secret, String passwordHash) {
		Instant now = clock.instant();
		String hash = SecretTokens.hash(secret);
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(hash).and("usedAt").isNull().and("expiresAt").gt(now)),
					new Update().set("usedAt", now), PasswordReset.class)
			.switchIfEmpty(Mono.error(PasswordResets::used))
			.flatMap(reset -> changes.setPasswordHash(reset.personId(), passwordHash)
				// Other links sent earlier must not outlive the password they were meant to replace.
				.then(mongo.remove(Query.query(Criteria.where("personId").is(reset.personId()).and("usedAt").isNull()),
						PasswordReset.class))
				.then(sessions.closeAll(reset.personId())));
	}

	private static ProblemException used() {
		return new ProblemException(PeopleProblem.PASSWORD_RESET_USED, "Reset link already used",
				"This reset link has already been used. Ask for a new one if you need to.");
	}

}
