package org.cairn.account;

import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	PersonChanges(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** What a district admin sets about a person (and what a refreshed invitation sets again). */
	public record Profile(String displayName, Set<Role> roles, String school, Integer yearsOfExperience,
			String coachId) {
	}

	/** The district's people by email. */
	public Flux<Person> inDistrict(String districtId) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId)).with(Sort.by("email")),
				Person.class);
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
		return mongo.findAndModify(Query.query(which), update, FindAndModifyOptions.options().returnNew(true),
				Person.class);
	}

}
