package org.cairn.people;

import java.time.Clock;
import java.time.Instant;

import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.account.SecretTokens;
import org.cairn.district.District;
import org.cairn.district.DistrictRepository;
import org.cairn.language.Language;
import org.cairn.mail.Mailer;
import org.cairn.mail.OutgoingMail;
import org.cairn.problem.ProblemException;
import org.cairn.system.CairnProperties;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Invites people into a district and turns an accepted invitation into an account. Inviting the same email again
 * is safe: it updates the pending person and mails a fresh link (the old one stops working).
 */
@Service
public class Invitations {

	static final String LINK_PATH = "/invitations/";

	private final PersonRepository people;

	private final DistrictRepository districts;

	private final ReactiveMongoTemplate mongo;

	private final PersonChanges changes;

	private final org.cairn.account.EmailAddresses addresses;

	private final Mailer mailer;

	private final CairnProperties cairn;

	private final PeopleProperties properties;

	private final Clock clock;

	Invitations(PersonRepository people, DistrictRepository districts, ReactiveMongoTemplate mongo,
			PersonChanges changes, org.cairn.account.EmailAddresses addresses, Mailer mailer,
			CairnProperties cairn, PeopleProperties properties, Clock clock) {
		this.people = people;
		this.districts = districts;
		this.mongo = mongo;
		this.changes = changes;
		this.addresses = addresses;
		this.mailer = mailer;
		this.cairn = cairn;
		this.properties = properties;
		this.clock = clock;
	}

	/** Invites (or re-invites) a person into the district and mails them the link. */
	public Mono<Invited> invite(String districtId, String invitedBy, Invite request) {
		String email = Person.normalizeEmail(request.email());
		return checkCoach(districtId, request.coachId())
			// an address someone verified as theirs (a personal or former district address) is theirs alone
			.then(addresses.find(email).flatMap(held -> Mono.<Void>error(unavailable())))
			.then(people.findByEmail(email)
				.flatMap(existing -> refresh(existing, districtId, request).map(p -> new Invited(p, false)))
				.switchIfEmpty(Mono.defer(() -> create(districtId, email, request).map(p -> new Invited(p, true))))
				// Two admins (or a double click) inviting the same new email at once: the second one refreshes.
				.onErrorResume(DuplicateKeyException.class, duplicate -> people.findByEmail(email)
					.flatMap(existing -> refresh(existing, districtId, request))
					.map(p -> new Invited(p, false))))
			.flatMap(invited -> issue(invited.person(), invitedBy).map(invited::expiring));
	}

	private Mono<Void> checkCoach(String districtId, String coachId) {
		if (coachId == null) {
			return Mono.empty();
		}
		return people.findByIdAndDistrictId(coachId, districtId)
			.filter(coach -> coach.has(Role.COACH))
			.switchIfEmpty(Mono.error(() -> ProblemException.invalid("coachId", "must be a coach in your district")))
			.then();
	}

	static ProblemException unavailable() {
		return ProblemException.of(PeopleProblem.EMAIL_UNAVAILABLE, "email-unavailable-2");
	}

	private Mono<Person> create(String districtId, String email, Invite request) {
		String name = request.displayName() == null || request.displayName().isBlank()
				? email.substring(0, email.indexOf('@')) : request.displayName().trim();
		return changes.invite(districtId, email, new PersonChanges.Profile(name, request.roles(), request.school(),
				request.yearsOfExperience(), request.coachId()), clock.instant());
	}

	private Mono<Person> refresh(Person existing, String districtId, Invite request) {
		if (existing.platformAdmin() || !districtId.equals(existing.districtId())) {
			// Neutral on purpose: an admin of one district must not learn that the address has an account elsewhere
			// (or is a platform administrator's), nor where. Nothing is changed and nobody is mailed.
			return Mono.error(unavailable());
		}
		if (existing.passwordHash() != null) {
			return Mono.error(ProblemException.of(PeopleProblem.ALREADY_JOINED, "already-joined"));
		}
		return changes.reinvite(existing.id(), new PersonChanges.Profile(request.displayName(), request.roles(),
				request.school(), request.yearsOfExperience(), request.coachId()));
	}

	private Mono<Instant> issue(Person person, String invitedBy) {
		String secret = SecretTokens.generate("inv_");
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.invitationLifetime());
		Invitation invitation = new Invitation(person.id(), SecretTokens.hash(secret), person.districtId(),
				person.email(), invitedBy, now, expiresAt, null);
		return mongo.save(invitation)
			.then(districts.findById(person.districtId()))
			.flatMap(district -> mailer.send(mail(person, district, secret, expiresAt,
					Language.first(person.language(), district.language()))))
			.thenReturn(expiresAt);
	}

	private OutgoingMail mail(Person person, District district, String secret, Instant expiresAt,
			Language language) {
		String link = cairn.publicUrl(LINK_PATH + secret);
		String text = language.text("people.mail.invitation.text", person.displayName(), district.name(),
				language.moment(expiresAt), link);
		return new OutgoingMail(person.email(), language.text("people.mail.invitation.subject", district.name()), text);
	}

	/** What the invitation page shows before the person chooses a password. */
	Mono<InvitationView> view(String secret) {
		return usable(secret).flatMap(invitation -> Mono.zip(people.findById(invitation.personId()),
				districts.findById(invitation.districtId()),
				(person, district) -> new InvitationView(person.email(), person.displayName(), district.name(),
						invitation.expiresAt())));
	}

	/** Consumes the invitation: sets the password hash (computed by the caller) and returns the person. */
	Mono<Person> accept(String secret, String displayName, String passwordHash) {
		Instant now = clock.instant();
		return usable(secret)
			.flatMap(invitation -> mongo
				.findAndModify(Query.query(Criteria.where("_id").is(invitation.personId())
					.and("tokenHash").is(invitation.tokenHash())
					.and("acceptedAt").isNull()
					.and("expiresAt").gt(now)), new Update().set("acceptedAt", now), Invitation.class)
				// Lost a race with another click of the same link: one effect only.
				.switchIfEmpty(Mono.error(Invitations::used)))
			.flatMap(invitation -> changes.join(invitation.personId(), displayName, passwordHash)
				.switchIfEmpty(Mono.error(() -> ProblemException.of(PeopleProblem.INVITATION_REVOKED, "invitation-revoked"))));
	}

	/** The invitation behind a link, if it can still be used; otherwise the problem saying why not. */
	Mono<Invitation> usable(String secret) {
		Instant now = clock.instant();
		return mongo.findOne(Query.query(Criteria.where("tokenHash").is(SecretTokens.hash(secret))), Invitation.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.of(PeopleProblem.INVITATION_NOT_FOUND, "invitation-not-found")))
			.flatMap(invitation -> {
				if (invitation.acceptedAt() != null) {
					return Mono.error(used());
				}
				if (!invitation.expiresAt().isAfter(now)) {
					return Mono.error(ProblemException.of(PeopleProblem.INVITATION_EXPIRED, "invitation-expired"));
				}
				return Mono.just(invitation);
			});
	}

	/** Withdraws a pending invitation (the person was deactivated). */
	Mono<Void> withdraw(String personId) {
		return mongo.remove(Query.query(Criteria.where("_id").is(personId).and("acceptedAt").isNull()),
				Invitation.class).then();
	}

	private static ProblemException used() {
		return ProblemException.of(PeopleProblem.INVITATION_USED, "invitation-used");
	}

	/** An invitation sent; {@code created} is false when an existing pending invitation was refreshed. */
	public record Invited(Person person, boolean created, Instant expiresAt) {

		Invited(Person person, boolean created) {
			this(person, created, null);
		}

		Invited expiring(Instant at) {
			return new Invited(person, created, at);
		}

	}

	record InvitationView(String email, String displayName, String districtName, Instant expiresAt) {
	}

}
