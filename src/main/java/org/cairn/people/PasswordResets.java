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

	private final org.cairn.district.Districts districts;

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
			CairnProperties cairn, PeopleProperties properties, Clock clock, org.cairn.district.Districts districts) {
		this.districts = districts;
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
		return mongo.insert(new PasswordReset(SecretTokens.hash(secret), person.id(), now, expiresAt, null))
			.then(districts.languageFor(person.districtId(), person.language()))
			.flatMap(language -> mailer.send(new OutgoingMail(to, language.text("people.mail.password-reset.subject"),
					language.text("people.mail.password-reset.text", person.displayName(),
							properties.passwordResetLifetime().toMinutes(), link))));
	}

	/** The person a usable link belongs to; otherwise the problem saying why it cannot be used. */
	Mono<Person> personFor(String secret) {
		Instant now = clock.instant();
		return mongo.findById(SecretTokens.hash(secret), PasswordReset.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(PeopleProblem.PASSWORD_RESET_NOT_FOUND, "password-reset-not-found")))
			.flatMap(reset -> {
				if (reset.usedAt() != null) {
					return Mono.error(used());
				}
				if (!reset.expiresAt().isAfter(now)) {
					return Mono.error(ProblemException.of(PeopleProblem.PASSWORD_RESET_EXPIRED, "password-reset-expired"));
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
		return ProblemException.of(PeopleProblem.PASSWORD_RESET_USED, "password-reset-used");
	}

}
