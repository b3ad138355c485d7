package org.cairn.account;

import java.time.Clock;
import java.util.Set;

import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The operations the account feature publishes on a {@link Person}: each one atomic update that also moves the
 * optimistic-locking version, so a save holding an older copy fails instead of undoing it. Other features (people
 * management, invitations, password resets) change people only through these; only this package knows how a person
 * is stored. Each returns the changed person, or nothing when there is no such person (or it did not qualify).
 */
@Component
public class PersonChanges {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	@Autowired
	PersonChanges(ReactiveMongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
	}

	/** Public so a test can point one at a store of its own (announcing changes to nobody). */
	public PersonChanges(ReactiveMongoTemplate mongo, Clock clock) {
		this(mongo, clock, event -> {
		});
	}

	/**
	 * An account created directly, not by invitation: a platform administrator (no district) or a demo person.
	 *
	 * @param coachId the person's coach; null when none
	 */
	public record NewAccount(String districtId, String email, String displayName, Set<Role> roles,
			boolean platformAdmin, String school, Integer yearsOfExperience, String coachId) {

		/** A platform administrator: no district, no district roles. */
		public static NewAccount platformAdmin(String email, String displayName) {
			return new NewAccount(null, email, displayName, Set.of(), true, null, null, null);
		}

	}

	/** What {@link #createOnce} found or made; {@code created} when this call inserted it. */
	public record Account(Person person, boolean created) {
	}

	/** Creates the active account now with this password hash; fails with a duplicate key when the email is taken. */
	public Mono<Person> create(NewAccount account, String passwordHash) {
		return Mono.defer(() -> mongo.insert(new Person(null, account.districtId(), account.email(),
				account.displayName(), passwordHash, account.roles(), account.platformAdmin(), account.school(),
				account.yearsOfExperience(), account.coachId(), true, clock.instant(), null)))
			.doOnNext(this::announce);
	}

	/**
	 * The account with this email: the one there, or one created now. The password hash is asked for only when
	 * creating (encoding is slow); of several instances creating it at once, one inserts and the others find it.
	 */
	public Mono<Account> createOnce(NewAccount account, Mono<String> passwordHash) {
		Query byEmail = Query.query(Criteria.where("email").is(Person.normalizeEmail(account.email())));
		return mongo.findOne(byEmail, Person.class)
			.map(existing -> new Account(existing, false))
			.switchIfEmpty(Mono.defer(() -> passwordHash.flatMap(hash -> create(account, hash))
				.map(created -> new Account(created, true))
				.onErrorResume(DuplicateKeyException.class,
						ex -> mongo.findOne(byEmail, Person.class).map(existing -> new Account(existing, false)))));
	}

	/** Whether a platform administrator exists. */
	public Mono<Boolean> platformAdminExists() {
		return mongo.exists(Query.query(Criteria.where("platformAdmin").is(true)), Person.class);
	}

	/** Whether anyone but platform administrators has an account (district data exists). */
	public Mono<Boolean> anyDistrictPerson() {
		return mongo.exists(Query.query(Criteria.where("platformAdmin").ne(true)), Person.class);
	}

	/** What a district admin sets about a person (and what a refreshed invitation sets again). */
	public record Profile(String displayName, Set<Role> roles, String school, Integer yearsOfExperience,
			String coachId) {
	}

	/** One page of the district's people by email (the index {@code district_email} serves it in order). */
	public Flux<Person> inDistrict(String districtId, ListPage page) {
		return mongo.find(page.apply(Query.query(Criteria.where("districtId").is(districtId)).with(Sort.by("email"))),
				Person.class);
	}

	/** One page of the district's people who left it (marked departed), by email. */
	public Flux<Person> departedInDistrict(String districtId, ListPage page) {
		return mongo.find(page.apply(Query.query(Criteria.where("districtId").is(districtId).and("departedAt").ne(null))
			.with(Sort.by("email"))), Person.class);
	}

	/**
	 * Marks a person of the district as having left it ({@code at}), or as back ({@code null}). Repeating keeps the
	 * first departure time.
	 */
	public Mono<Person> setDeparted(String districtId, String personId, java.time.Instant at) {
		Criteria which = Criteria.where("_id").is(personId).and("districtId").is(districtId);
		if (at == null) {
			return modify(which, new Update().unset("departedAt").inc("version", 1));
		}
		return modify(which.and("departedAt").is(null), new Update().set("departedAt", at).inc("version", 1))
			.switchIfEmpty(Mono.defer(() -> mongo.findOne(Query.query(
					Criteria.where("_id").is(personId).and("districtId").is(districtId)), Person.class)));
	}

	/** The address new badges are issued to: one the caller checked is the person's, or null for the district email. */
	public Mono<Person> chooseBadgeEmail(String personId, String email) {
		Update update = email == null ? new Update().unset("badgeEmail") : new Update().set("badgeEmail", email);
		return modify(Criteria.where("_id").is(personId), update.inc("version", 1));
	}

	/**
	 * The person's language ("en", "es"), or null to follow the browser (and, for mail, the district's default).
	 * Announced ({@link LanguageChosen}) once stored, before the answer: what is held in their language is dropped.
	 */
	public Mono<Person> chooseLanguage(String personId, String language) {
		Update update = language == null ? new Update().unset("language") : new Update().set("language", language);
		return modify(Criteria.where("_id").is(personId), update.inc("version", 1)).doOnNext(changed -> {
			if (changed.districtId() != null) {
				events.publishEvent(new LanguageChosen(changed.districtId(), changed.id()));
			}
		});
	}

	/**
	 * Changes the district email from {@code expected} to {@code email} (confirmed by the caller); nothing when it
	 * is no longer {@code expected} (a retry after it changed). Fails with a duplicate key when another account has
	 * that email. A badge address equal to the new email falls back to the district email.
	 */
	public Mono<Person> changeEmail(String personId, String expected, String email) {
		String normalized = Person.normalizeEmail(email);
		return modify(Criteria.where("_id").is(personId).and("email").is(expected),
				new Update().set("email", normalized).inc("version", 1))
			.flatMap(changed -> normalized.equals(changed.badgeEmail())
					? modify(Criteria.where("_id").is(personId), new Update().unset("badgeEmail").inc("version", 1))
					: Mono.just(changed));
	}

	/** One page of the district's people who hold a role, by email (the index {@code district_roles}). */
	public Flux<Person> inDistrictWithRole(String districtId, Role role, ListPage page) {
		return mongo.find(page.apply(Query.query(Criteria.where("districtId").is(districtId).and("roles").is(role))
			.with(Sort.by("email"))), Person.class);
	}

	/** The district's people with these ids (at most a page of them): names for a page of another list. */
	public Flux<Person> inDistrictById(String districtId, java.util.Collection<String> ids) {
		return mongo.find(Query.query(Criteria.where("_id").in(ids).and("districtId").is(districtId)), Person.class);
	}

	/** The district's people with these (normalized) emails: one query for a whole list (bulk awards). */
	public Flux<Person> inDistrictByEmail(String districtId, java.util.Collection<String> emails) {
		return mongo.find(Query.query(Criteria.where("email").in(emails).and("districtId").is(districtId)),
				Person.class);
	}

	/** A person invited to the district: active, without a password until they accept. */
	public Mono<Person> invite(String districtId, String email, Profile profile, java.time.Instant invitedAt) {
		return mongo
			.insert(new Person(null, districtId, email, profile.displayName(), null, profile.roles(), false,
					profile.school(), profile.yearsOfExperience(), profile.coachId(), true, invitedAt, null))
			.doOnNext(this::announce);
	}

	/** Sets name, roles, school, experience and coach of a person of the district. */
	public Mono<Person> changeProfile(String districtId, String personId, Profile profile) {
		return modify(Criteria.where("_id").is(personId).and("districtId").is(districtId), profile(profile));
	}

	/** Deactivates or reactivates a person of the district. */
	public Mono<Person> setActive(String districtId, String personId, boolean active) {
		return modify(Criteria.where("_id").is(personId).and("districtId").is(districtId),
				new Update().set("active", active).inc("version", 1));
	}

	/**
	 * Invites a known person again: the profile as given (the name only when given), active again. Whether they may
	 * be invited is the caller's rule.
	 */
	public Mono<Person> reinvite(String personId, Profile profile) {
		Update update = new Update().set("roles", profile.roles())
			.set("school", profile.school())
			.set("yearsOfExperience", profile.yearsOfExperience())
			.set("coachId", profile.coachId())
			.set("active", true)
			.inc("version", 1);
		if (profile.displayName() != null && !profile.displayName().isBlank()) {
			update.set("displayName", profile.displayName().trim());
		}
		return modify(Criteria.where("_id").is(personId), update);
	}

	/** An invited person joins: their password hash and chosen name, only while they are active. */
	public Mono<Person> join(String personId, String displayName, String passwordHash) {
		return modify(Criteria.where("_id").is(personId).and("active").is(true),
				new Update().set("passwordHash", passwordHash).set("displayName", displayName.trim()).inc("version", 1));
	}

	/** A new password hash (a reset link was used). */
	public Mono<Void> setPasswordHash(String personId, String passwordHash) {
		return mongo
			.updateFirst(Query.query(Criteria.where("_id").is(personId)),
					new Update().set("passwordHash", passwordHash).inc("version", 1), Person.class)
			.then();
	}

	private static Update profile(Profile profile) {
		return new Update().set("displayName", profile.displayName().trim())
			.set("roles", profile.roles())
			.set("school", profile.school())
			.set("yearsOfExperience", profile.yearsOfExperience())
			.set("coachId", profile.coachId())
			.inc("version", 1);
	}

	private Mono<Person> modify(Criteria which, Update update) {
		return mongo
			.findAndModify(Query.query(which), update, FindAndModifyOptions.options().returnNew(true), Person.class)
			.doOnNext(this::announce);
	}

	/** Tells the features that keep figures about people (the reports) that the person's district changed. */
	private void announce(Person changed) {
		if (changed.districtId() != null) {
			events.publishEvent(new PeopleChanged(changed.districtId()));
		}
	}

}
