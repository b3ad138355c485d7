package org.cairn.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cairn.account.EmailAddress;
import org.cairn.account.EmailAddresses;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.PersonRepository;
import org.cairn.account.SecretTokens;
import org.cairn.language.Language;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.cairn.problem.ProblemException;
import org.cairn.system.CairnProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A person's email addresses: adding one and verifying it by a link mailed to it, choosing the one new badges go to,
 * removing one; an administrator's change of a district email, confirmed by a link mailed to the new address; and
 * sign-in links mailed to a verified personal address (how a former teacher signs in). Every link is single-use,
 * expires, and only its hash is stored.
 */
@Service
class Addresses {

	private static final Logger log = LoggerFactory.getLogger(Addresses.class);

	static final String VERIFY_PATH = "/verify-address/";

	static final String SIGN_IN_PATH = "/sign-in-link/";


	private final ReactiveMongoTemplate mongo;

	private final PersonRepository people;

	private final EmailAddresses addresses;

	private final PersonChanges changes;

	private final Mailer mailer;

	private final CairnProperties cairn;

	private final PeopleProperties properties;

	private final Clock clock;

	private final org.cairn.district.Districts districts;

	Addresses(ReactiveMongoTemplate mongo, PersonRepository people, EmailAddresses addresses, PersonChanges changes,
			Mailer mailer, CairnProperties cairn, PeopleProperties properties, Clock clock,
			org.cairn.district.Districts districts) {
		this.districts = districts;
		this.mongo = mongo;
		this.people = people;
		this.addresses = addresses;
		this.changes = changes;
		this.mailer = mailer;
		this.cairn = cairn;
		this.properties = properties;
		this.clock = clock;
	}

	/** How an address stands for its person. */
	enum Kind {
		DISTRICT, PERSONAL, FORMER_DISTRICT
	}

	enum State {
		VERIFIED, PENDING
	}

	/**
	 * @param forNewBadges new badges are issued to this address
	 * @param pendingUntil for a pending address, until when its link works
	 */
	record AddressView(String email, Kind kind, State state, boolean forNewBadges, Instant pendingUntil) {
	}

	record AddressList(String badgeAddress, List<AddressView> addresses) {
	}

	/** The person's addresses: the district email, the verified ones, then those waiting for their link. */
	Mono<AddressList> list(String personId) {
		Instant now = clock.instant();
		return people.findById(personId).flatMap(person -> addresses.of(personId).collectList()
			.zipWith(mongo.find(Query.query(Criteria.where("personId").is(personId)
				.and("purpose").is(EmailLink.Purpose.ADD_ADDRESS).and("usedAt").is(null).and("expiresAt").gt(now))
				.with(Sort.by("createdAt")), EmailLink.class).collectList())
			.map(t -> {
				String chosen = person.badgeAddress();
				List<AddressView> all = new ArrayList<>();
				all.add(new AddressView(person.email(), Kind.DISTRICT, State.VERIFIED, chosen.equals(person.email()),
						null));
				for (EmailAddress verified : t.getT1()) {
					all.add(new AddressView(verified.email(),
							verified.kind() == EmailAddress.Kind.PERSONAL ? Kind.PERSONAL : Kind.FORMER_DISTRICT,
							State.VERIFIED, chosen.equals(verified.email()), null));
				}
				for (EmailLink pending : t.getT2()) {
					if (all.stream().noneMatch(a -> a.email().equals(pending.email()))) {
						all.add(new AddressView(pending.email(), Kind.PERSONAL, State.PENDING, false,
								pending.expiresAt()));
					}
				}
				return new AddressList(chosen, all);
			}));
	}

	/**
	 * Adds an address and mails it a verification link; adding it again mails a new link (the earlier one stops
	 * working). Whether another account holds the address is told only to whoever opens the link, so adding an
	 * address reveals nothing about other accounts.
	 */
	Mono<AddressList> add(String personId, String email) {
		String normalized = Person.normalizeEmail(email);
		if (!Person.isEmailAddress(normalized)) {
			return Mono.error(ProblemException.invalid("email", "must be an email address"));
		}
		return people.findById(personId).flatMap(person -> {
			if (normalized.equals(person.email())) {
				return Mono.error(ProblemException.invalid("email", "is already your district address"));
			}
			return addresses.find(normalized)
				.filter(held -> held.personId().equals(personId))
				.map(held -> person)
				// not verified by them yet: (re)send the link
				.switchIfEmpty(Mono.defer(() -> send(person, normalized, EmailLink.Purpose.ADD_ADDRESS,
						properties.addressVerificationLifetime()).thenReturn(person)));
		}).then(list(personId));
	}

	/** Removes an address (verified or pending). The district email cannot be removed. Repeating changes nothing. */
	Mono<Void> remove(String personId, String email) {
		String normalized = Person.normalizeEmail(email);
		return people.findById(personId).flatMap(person -> {
			if (normalized.equals(person.email())) {
				return Mono.error(ProblemException.invalid("email",
						"is your district address; your district's administrator changes it"));
			}
			return addresses.remove(personId, normalized)
				.then(mongo.remove(Query.query(Criteria.where("personId").is(personId).and("email").is(normalized)
					.and("purpose").is(EmailLink.Purpose.ADD_ADDRESS).and("usedAt").is(null)), EmailLink.class))
				.then();
		});
	}

	/** Chooses the verified address new badges go to; the district email (or null) goes back to the default. */
	Mono<AddressList> choose(String personId, String email) {
		String normalized = email == null ? null : Person.normalizeEmail(email);
		return people.findById(personId).flatMap(person -> {
			if (normalized == null || normalized.equals(person.email())) {
				return changes.chooseBadgeEmail(personId, null);
			}
			return addresses.find(normalized)
				.filter(held -> held.personId().equals(personId))
				.switchIfEmpty(Mono.error(() -> ProblemException.of(PeopleProblem.ADDRESS_NOT_VERIFIED, "address-not-verified", normalized)))
				.flatMap(held -> changes.chooseBadgeEmail(personId, normalized));
		}).then(list(personId));
	}

	/**
	 * An administrator changes a person's district email: the change takes effect when the link mailed to the new
	 * address is opened (a mistyped address locks nobody out and sends nobody's badges astray). The old address
	 * stays the person's (a former district address), so badges issued to it keep verifying and stay theirs.
	 */
	Mono<Instant> requestDistrictEmail(Person person, String email) {
		String normalized = Person.normalizeEmail(email);
		if (normalized.equals(person.email())) {
			return Mono.error(ProblemException.invalid("email", "is already this person's district email"));
		}
		return addresses.personFor(normalized)
			.filter(holder -> !holder.id().equals(person.id()))
			.flatMap(holder -> Mono.<Instant>error(unavailable()))
			.switchIfEmpty(Mono.defer(() -> send(person, normalized, EmailLink.Purpose.DISTRICT_EMAIL,
					properties.addressVerificationLifetime())));
	}

	/** The pending district email change of a person, if a link is out. */
	Mono<EmailLink> pendingDistrictEmail(String personId) {
		return mongo.findOne(Query.query(Criteria.where("personId").is(personId)
			.and("purpose").is(EmailLink.Purpose.DISTRICT_EMAIL).and("usedAt").is(null)
			.and("expiresAt").gt(clock.instant())).with(Sort.by(Sort.Direction.DESC, "createdAt")), EmailLink.class);
	}

	static ProblemException unavailable() {
		return ProblemException.of(PeopleProblem.EMAIL_UNAVAILABLE, "email-unavailable");
	}

	/** What the link page shows before it is used, and after (a reload says it is done). */
	record LinkView(EmailLink.Purpose purpose, String email, boolean done, Instant expiresAt) {
	}

	/** A verification link as its page shows it; a used one whose address is now the person's reads "done". */
	Mono<LinkView> view(String secret) {
		return link(secret).flatMap(link -> {
			if (link.purpose() == EmailLink.Purpose.SIGN_IN) {
				return Mono.error(notFound());
			}
			if (link.usedAt() != null) {
				return done(link).switchIfEmpty(Mono.error(Addresses::used));
			}
			if (!link.expiresAt().isAfter(clock.instant())) {
				return Mono.error(expired());
			}
			return Mono.just(new LinkView(link.purpose(), link.email(), false, link.expiresAt()));
		});
	}

	/**
	 * Uses a verification link: the address becomes the person's (or their district email). Opening it again after
	 * it worked answers the same "done", so a reload or a double click is safe.
	 */
	Mono<LinkView> confirm(String secret) {
		Instant now = clock.instant();
		String hash = SecretTokens.hash(secret);
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(hash).and("usedAt").is(null).and("expiresAt").gt(now)
				.and("purpose").in(EmailLink.Purpose.ADD_ADDRESS, EmailLink.Purpose.DISTRICT_EMAIL)),
					new Update().set("usedAt", now), EmailLink.class)
			.flatMap(link -> apply(link).thenReturn(new LinkView(link.purpose(), link.email(), true, link.expiresAt())))
			.switchIfEmpty(Mono.defer(() -> view(secret)));
	}

	private Mono<Void> apply(EmailLink link) {
		return people.findById(link.personId())
			.switchIfEmpty(Mono.error(Addresses::used))
			.flatMap(person -> link.purpose() == EmailLink.Purpose.ADD_ADDRESS
					? addresses.claim(person, link.email(), EmailAddress.Kind.PERSONAL).flatMap(claim -> claim
						== EmailAddresses.Claim.TAKEN ? Mono.error(inUse()) : Mono.empty())
					: changeDistrictEmail(person, link.email()));
	}

	private Mono<Void> changeDistrictEmail(Person person, String email) {
		String old = person.email();
		return addresses.personFor(email)
			.filter(holder -> !holder.id().equals(person.id()))
			.flatMap(holder -> Mono.<Void>error(inUse()))
			// the new district email may be one of the person's own verified addresses: it stops being a second one
			.then(Mono.defer(() -> addresses.remove(person.id(), email)))
			.then(Mono.defer(() -> changes.changeEmail(person.id(), old, email)))
			.onErrorMap(DuplicateKeyException.class, ex -> inUse())
			.flatMap(changed -> addresses.claim(changed, old, EmailAddress.Kind.FORMER_DISTRICT))
			.then();
	}

	private Mono<LinkView> done(EmailLink link) {
		return people.findById(link.personId())
			.filterWhen(person -> link.purpose() == EmailLink.Purpose.DISTRICT_EMAIL
					? Mono.just(link.email().equals(person.email()))
					: addresses.find(link.email()).map(held -> held.personId().equals(person.id())))
			.map(person -> new LinkView(link.purpose(), link.email(), true, link.expiresAt()));
	}

	/**
	 * Mails a sign-in link when the address is a verified personal (or former district) address of an active person.
	 * Detached from the request, so the answer and its timing are the same whatever the address is.
	 */
	void requestSignIn(String email) {
		String normalized = Person.normalizeEmail(email);
		addresses.find(normalized)
			.flatMap(held -> people.findById(held.personId()))
			.filter(Person::active)
			.flatMap(person -> send(person, normalized, EmailLink.Purpose.SIGN_IN, properties.signInLinkLifetime()))
			.onErrorResume(ex -> {
				log.warn("A sign-in link could not be sent", ex);
				return Mono.empty();
			})
			.subscribe();
	}

	/** Uses a sign-in link once: the person it signs in, still active and still holding the address. */
	Mono<Person> signIn(String secret) {
		Instant now = clock.instant();
		return mongo
			.findAndModify(Query.query(Criteria.where("_id").is(SecretTokens.hash(secret)).and("usedAt").is(null)
				.and("expiresAt").gt(now).and("purpose").is(EmailLink.Purpose.SIGN_IN)),
					new Update().set("usedAt", now), EmailLink.class)
			.switchIfEmpty(Mono.defer(() -> link(secret)
				.filter(link -> link.purpose() == EmailLink.Purpose.SIGN_IN)
				.switchIfEmpty(Mono.error(Addresses::notFound))
				.flatMap(link -> Mono.error(link.usedAt() != null ? used() : expired()))))
			.flatMap(link -> addresses.find(link.email())
				.filter(held -> held.personId().equals(link.personId()))
				.flatMap(held -> people.findById(link.personId()))
				.filter(Person::active))
			.switchIfEmpty(Mono.error(Addresses::used));
	}

	private Mono<EmailLink> link(String secret) {
		return mongo.findById(SecretTokens.hash(secret), EmailLink.class)
			.switchIfEmpty(Mono.error(Addresses::notFound));
	}

	/** Stores a new link (retiring the person's earlier unused one for the same address and purpose) and mails it. */
	private Mono<Instant> send(Person person, String email, EmailLink.Purpose purpose, Duration lifetime) {
		String secret = SecretTokens.generate(purpose == EmailLink.Purpose.SIGN_IN ? "sil_" : "adr_");
		Instant now = clock.instant();
		Instant expiresAt = now.plus(lifetime);
		Query earlier = Query.query(Criteria.where("personId").is(person.id()).and("purpose").is(purpose)
			.and("usedAt").is(null));
		if (purpose != EmailLink.Purpose.DISTRICT_EMAIL) {
			earlier.addCriteria(Criteria.where("email").is(email));
		}
		return mongo.remove(earlier, EmailLink.class)
			.then(mongo.insert(new EmailLink(SecretTokens.hash(secret), purpose, person.id(), person.districtId(),
					email, now, expiresAt, null)))
			.then(districts.languageFor(person.districtId(), person.language()))
			.flatMap(language -> mailer.send(mail(person, email, purpose, secret, expiresAt, language)))
			.thenReturn(expiresAt);
	}

	private OutgoingMail mail(Person person, String email, EmailLink.Purpose purpose, String secret,
			Instant expiresAt, Language language) {
		String until = language.moment(expiresAt);
		String hello = language.text("people.mail.hello", person.displayName());
		String key = switch (purpose) {
			case ADD_ADDRESS -> "people.mail.add-address";
			case DISTRICT_EMAIL -> "people.mail.district-email";
			case SIGN_IN -> "people.mail.sign-in";
		};
		String link = cairn.publicUrl((purpose == EmailLink.Purpose.SIGN_IN ? SIGN_IN_PATH : VERIFY_PATH) + secret);
		return new OutgoingMail(email, language.text(key + ".subject"), hello + language.text(key + ".text", until, link));
	}

	private static ProblemException inUse() {
		return ProblemException.of(PeopleProblem.ADDRESS_IN_USE, "address-in-use");
	}

	private static ProblemException notFound() {
		return ProblemException.of(PeopleProblem.EMAIL_LINK_NOT_FOUND, "email-link-not-found");
	}

	private static ProblemException expired() {
		return ProblemException.of(PeopleProblem.EMAIL_LINK_EXPIRED, "email-link-expired");
	}

	private static ProblemException used() {
		return ProblemException.of(PeopleProblem.EMAIL_LINK_USED, "email-link-used");
	}

}
