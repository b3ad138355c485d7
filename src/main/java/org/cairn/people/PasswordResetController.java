package org.cairn.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.account.PasswordPolicy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten passwords. Asking for a link always answers 202, so it tells nobody which emails have accounts. */
@RestController
class PasswordResetController {

	private final PasswordResets resets;

	private final PasswordEncoder passwords;

	PasswordResetController(PasswordResets resets, PasswordEncoder passwords) {
		this.resets = resets;
		this.passwords = passwords;
	}

	@PostMapping("/api/v1/password-resets")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> request(@Valid @RequestBody ResetRequest body) {
		resets.request(body.email());
		return Mono.empty();
	}

	@PostMapping("/api/v1/password-resets/{token}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> reset(@PathVariable @Size(max = 100) String token, @Valid @RequestBody NewPassword body) {
		return resets.personFor(token)
			.doOnNext(person -> PasswordPolicy.check(body.password(), person.email()))
			.publishOn(Schedulers.boundedElastic())
			.map(person -> passwords.encode(body.password()))
			.flatMap(hash -> resets.reset(token, hash));
	}

	record ResetRequest(@NotBlank @Email @Size(max = 320) String email) {
	}

	record NewPassword(@NotNull @Size(max = 200) String password) {
	}

}
