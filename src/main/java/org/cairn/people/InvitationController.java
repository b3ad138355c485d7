package org.cairn.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.mail.HeaderText;
import org.cairn.account.PasswordPolicy;
import org.cairn.account.Sessions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public side of an invitation link: who is invited where, and accepting it. */
@RestController
@RequestMapping("/api/v1/invitations/{token}")
class InvitationController {

	private final Invitations invitations;

	private final PasswordEncoder passwords;

	private final Sessions sessions;

	InvitationController(Invitations invitations, PasswordEncoder passwords, Sessions sessions) {
		this.invitations = invitations;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	@GetMapping
	Mono<Invitations.InvitationView> show(@PathVariable @Size(max = 100) String token) {
		return invitations.view(token);
	}

	/** Sets the password and signs the person in. A second use of the link answers 410 {@code invitation-used}. */
	@PostMapping
	Mono<ResponseEntity<Joined>> accept(@PathVariable @Size(max = 100) String token,
			@Valid @RequestBody Acceptance body) {
		return invitations.usable(token)
			.doOnNext(invitation -> PasswordPolicy.check(body.password(), invitation.email()))
			// bcrypt is deliberately slow CPU work: keep it off the event loop.
			.publishOn(Schedulers.boundedElastic())
			.map(invitation -> passwords.encode(body.password()))
			.flatMap(hash -> invitations.accept(token, body.displayName(), hash))
			.flatMap(person -> sessions.open(person.id())
				.map(cookie -> ResponseEntity.ok()
					.header(HttpHeaders.SET_COOKIE, cookie.toString())
					.body(new Joined(person.id(), person.districtId(), person.email(), person.displayName()))));
	}

	record Acceptance(@NotBlank @Size(max = 200) @HeaderText String displayName, @NotNull @Size(max = 200) String password) {
	}

	record Joined(String id, String districtId, String email, String displayName) {
	}

}
