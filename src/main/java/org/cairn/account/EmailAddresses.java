package org.cairn.account;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The verified addresses of people (besides their district email), as the account feature publishes them: who an
 * address belongs to (sign-in, badges issued to it), claiming one once for the whole platform, removing one. Only
 * this class knows how they are stored.
 */
@Component
public class EmailAddresses {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	EmailAddresses(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** What {@link #claim} did. */
	public enum Claim {

		/** The address is now the person's. */
		CLAIMED,
		/** It was the person's already (a retried verification). */
		ALREADY_THEIRS,
		/** Another account holds it, as its district email or a verified address. */
		TAKEN

	}

	/** The person's verified addresses besides their district email, oldest first. */
	public Flux<EmailAddress> of(String personId) {
		return mongo.find(Query.query(Criteria.where("personId").is(personId)).with(Sort.by("verifiedAt")),
				EmailAddress.class);
	}

	/** Every address the person verified: the district email first, then the others. */
	public Mono<Set<String>> verifiedOf(Person person) {
		return of(person.id()).map(EmailAddress::email).collectList().map(others -> {
			Set<String> all = new LinkedHashSet<>();
			all.add(person.email());
			all.addAll(others);
			return Set.copyOf(all);
		});
	}

	/** The person an address belongs to: their district email, or an address they verified. */
	public Mono<Person> personFor(String email) {
		String normalized = Person.normalizeEmail(email);
		return mongo.findOne(Query.query(Criteria.where("email").is(normalized)), Person.class)
			.switchIfEmpty(Mono.defer(() -> mongo.findById(normalized, EmailAddress.class)
				.flatMap(address -> mongo.findById(address.personId(), Person.class))));
	}

	/** The verified address record, when the address is one a person added (not a district email). */
	public Mono<EmailAddress> find(String email) {
		return mongo.findById(Person.normalizeEmail(email), EmailAddress.class);
	}

	/**
	 * Makes the address the person's, unless another account holds it: the address is the record's id, so of two
	 * accounts verifying it at once one wins. Retrying is {@link Claim#ALREADY_THEIRS}.
	 */
	public Mono<Claim> claim(Person person, String email, EmailAddress.Kind kind) {
		String normalized = Person.normalizeEmail(email);
		if (normalized.equals(person.email())) {
			return Mono.just(Claim.ALREADY_THEIRS);
		}
		return mongo.findOne(Query.query(Criteria.where("email").is(normalized)), Person.class)
			.map(holder -> holder.id().equals(person.id()) ? Claim.ALREADY_THEIRS : Claim.TAKEN)
			.switchIfEmpty(Mono.defer(() -> mongo
				.insert(new EmailAddress(normalized, person.id(), person.districtId(), kind, clock.instant()))
				.thenReturn(Claim.CLAIMED)
				.onErrorResume(DuplicateKeyException.class, duplicate -> mongo.findById(normalized, EmailAddress.class)
					.map(held -> held.personId().equals(person.id()) ? Claim.ALREADY_THEIRS : Claim.TAKEN))));
	}

	/**
	 * Removes one of the person's verified addresses (and stops issuing new badges to it); badges already issued to
	 * it keep verifying with it. True when it was theirs.
	 */
	public Mono<Boolean> remove(String personId, String email) {
		String normalized = Person.normalizeEmail(email);
		return mongo.remove(Query.query(Criteria.where("_id").is(normalized).and("personId").is(personId)),
				EmailAddress.class)
			.flatMap(result -> mongo
				.updateFirst(Query.query(Criteria.where("_id").is(personId).and("badgeEmail").is(normalized)),
						new Update().unset("badgeEmail").inc("version", 1), Person.class)
				.thenReturn(result.getDeletedCount() > 0));
	}

}
