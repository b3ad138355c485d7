package org.cairn.people;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Person;
import org.cairn.account.PersonChanges;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.account.Sessions;
import org.cairn.mail.HeaderText;
import org.cairn.problem.ProblemException;
import org.cairn.paging.ListPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** District administrators manage the people of their own district; nothing here can name another district. */
@RestController
@RequestMapping("/api/v1/people")
class PeopleController {

	private final PersonRepository people;

	private final PersonChanges changes;

	private final Invitations invitations;

	private final Sessions sessions;

	private final Addresses addresses;

	private final java.time.Clock clock;

	PeopleController(PersonRepository people, PersonChanges changes, Invitations invitations,
			Sessions sessions, Addresses addresses, java.time.Clock clock) {
		this.people = people;
		this.changes = changes;
		this.invitations = invitations;
		this.sessions = sessions;
		this.addresses = addresses;
		this.clock = clock;
	}

	/** The district's people by email; {@code left=true}: only those who left the district. */
	@GetMapping
	Flux<PersonView> list(@AuthenticationPrincipal CairnUser admin, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = ListPage.DEFAULT_SIZE) int size, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Set<String> ids, @RequestParam(defaultValue = "false") boolean left) {
		String districtId = districtOf(admin);
		ListPage onePage = ListPage.of(page, size);
		if (ids != null) { // the people a page of another list names (approvals, reviews): at most a page of them
			if (ids.size() > ListPage.MAX_SIZE) {
				throw ProblemException.invalid("ids", "at most " + ListPage.MAX_SIZE + " people at a time.");
			}
			return ids.isEmpty() ? Flux.empty() : changes.inDistrictById(districtId, ids).map(PersonView::of);
		}
		if (left) { // who left the district
			return changes.departedInDistrict(districtId, onePage).map(PersonView::of);
		}
		return (role == null ? changes.inDistrict(districtId, onePage)
				: changes.inDistrictWithRole(districtId, role, onePage)).map(PersonView::of);
	}

	/**
	 * Marks the person as having left the district: their roles stop counting, every session and token ends, and
	 * they sign in again (read-only: their badges) with a verified personal address. No badge is revoked. Repeating
	 * keeps the first date.
	 */
	@PostMapping("/{id}/depart")
	Mono<PersonView> depart(@AuthenticationPrincipal CairnUser admin, @PathVariable String id) {
		String districtId = districtOf(admin);
		if (id.equals(admin.personId())) {
			throw ProblemException.of(PeopleProblem.CANNOT_DEACTIVATE_SELF, "cannot-deactivate-self");
		}
		return found(id, changes.setDeparted(districtId, id, clock.instant()))
			.flatMap(person -> sessions.closeAll(person.id()).then(invitations.withdraw(person.id()))
				.thenReturn(PersonView.of(person)));
	}

	/** The person is back in the district: their roles count again. Repeating changes nothing. */
	@PostMapping("/{id}/return")
	Mono<PersonView> comeBack(@AuthenticationPrincipal CairnUser admin, @PathVariable String id) {
		return found(id, changes.setDeparted(districtOf(admin), id, null))
			.flatMap(person -> sessions.closeAll(person.id()).thenReturn(PersonView.of(person)));
	}

	/**
	 * Changes the person's district email once they confirm it: a link goes to the new address, and until it is
	 * opened they keep signing in with the current one. Their badges (issued to the old address) stay valid and
	 * theirs. Asking again sends a new link (the earlier one stops working).
	 */
	@PostMapping("/{id}/email")
	Mono<ResponseEntity<EmailChange>> changeEmail(@AuthenticationPrincipal CairnUser admin, @PathVariable String id,
			@Valid @RequestBody NewEmail body) {
		return find(admin, id).flatMap(person -> addresses.requestDistrictEmail(person, body.email())
			.map(until -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(new EmailChange(PersonView.of(person), org.cairn.account.Person.normalizeEmail(body.email()),
						until))));
	}

	/** The district email change waiting for the person to open its link, if any. */
	@GetMapping("/{id}/email")
	Mono<ResponseEntity<EmailChange>> pendingEmail(@AuthenticationPrincipal CairnUser admin, @PathVariable String id) {
		return find(admin, id).flatMap(person -> addresses.pendingDistrictEmail(id)
			.map(link -> ResponseEntity.ok(new EmailChange(PersonView.of(person), link.email(), link.expiresAt())))
			.defaultIfEmpty(ResponseEntity.ok(new EmailChange(PersonView.of(person), null, null))));
	}

	record NewEmail(@NotBlank @jakarta.validation.constraints.Email @Size(max = 320) String email) {
	}

	/** @param pendingEmail the address waiting for confirmation; null when none */
	record EmailChange(PersonView person, String pendingEmail, Instant linkExpiresAt) {
	}

	@GetMapping("/{id}")
	Mono<PersonView> one(@AuthenticationPrincipal CairnUser admin, @PathVariable String id) {
		return find(admin, id).map(PersonView::of);
	}

	/** 201 for a new person, 200 when a pending invitation was refreshed (same email again). */
	@PostMapping
	Mono<ResponseEntity<InvitedView>> invite(@AuthenticationPrincipal CairnUser admin,
			@Valid @RequestBody Invite invite) {
		String districtId = districtOf(admin);
		return invitations.invite(districtId, admin.personId(), invite)
			.map(invited -> ResponseEntity.status(invited.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(new InvitedView(PersonView.of(invited.person()), invited.expiresAt())));
	}

	@PutMapping("/{id}")
	Mono<PersonView> update(@AuthenticationPrincipal CairnUser admin, @PathVariable String id,
			@Valid @RequestBody Changes changes) {
		String districtId = districtOf(admin);
		if (id.equals(admin.personId()) && !changes.roles().contains(Role.DISTRICT_ADMIN)) {
			throw ProblemException.of(PeopleProblem.OWN_ADMIN_ROLE, "own-admin-role");
		}
		if (id.equals(changes.coachId())) {
			throw ProblemException.invalid("coachId", "must be someone else");
		}
		Mono<Void> coachCheck = changes.coachId() == null ? Mono.empty()
				: people.findByIdAndDistrictId(changes.coachId(), districtId)
					.filter(coach -> coach.has(Role.COACH))
					.switchIfEmpty(Mono.error(
							() -> ProblemException.invalid("coachId", "must be a coach in your district")))
					.then();
		PersonChanges.Profile profile = new PersonChanges.Profile(changes.displayName(), changes.roles(),
				changes.school(), changes.yearsOfExperience(), changes.coachId());
		// New roles start from a fresh sign-in: every session and token of the person ends.
		return coachCheck.then(find(admin, id))
			.flatMap(before -> found(id, this.changes.changeProfile(districtId, id, profile))
				.flatMap(after -> Set.copyOf(before.roles()).equals(Set.copyOf(after.roles())) ? Mono.just(after)
						: sessions.closeAll(after.id()).thenReturn(after)))
			.map(PersonView::of);
	}

	/** Signs the person out everywhere and withdraws any pending invitation. Repeating it changes nothing. */
	@PostMapping("/{id}/deactivate")
	Mono<PersonView> deactivate(@AuthenticationPrincipal CairnUser admin, @PathVariable String id) {
		String districtId = districtOf(admin);
		if (id.equals(admin.personId())) {
			throw ProblemException.of(PeopleProblem.CANNOT_DEACTIVATE_SELF, "cannot-deactivate-self-2");
		}
		return found(id, changes.setActive(districtId, id, false))
			.flatMap(person -> sessions.closeAll(person.id())
				.then(invitations.withdraw(person.id()))
				.thenReturn(PersonView.of(person)));
	}

	@PostMapping("/{id}/reactivate")
	Mono<PersonView> reactivate(@AuthenticationPrincipal CairnUser admin, @PathVariable String id) {
		return found(id, changes.setActive(districtOf(admin), id, true))
			.map(PersonView::of);
	}

	private Mono<Person> find(CairnUser admin, String id) {
		return people.findByIdAndDistrictId(id, districtOf(admin))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Person " + id)));
	}

	private static Mono<Person> found(String id, Mono<Person> changed) {
		return changed.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Person " + id)));
	}

	private static String districtOf(CairnUser admin) {
		admin.require(Role.DISTRICT_ADMIN);
		return admin.districtId();
	}

	record Changes(@NotBlank @Size(max = 200) @HeaderText String displayName, @NotEmpty @Size(max = 4) Set<@NotNull Role> roles,
			@Size(max = 200) String school, @Min(0) @Max(60) Integer yearsOfExperience,
			@Size(max = 64) String coachId) {
	}

	record InvitedView(PersonView person, Instant invitationExpiresAt) {
	}

}
