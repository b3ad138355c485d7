package org.cairn.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Sessions;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own email addresses ("Email addresses" in the profile), the public side of the links mailed to them,
 * and sign-in links to a verified personal address.
 */
@RestController
class AddressController {

	private final Addresses addresses;

	private final Sessions sessions;

	AddressController(Addresses addresses, Sessions sessions) {
		this.addresses = addresses;
		this.sessions = sessions;
	}

	@GetMapping("/api/v1/me/addresses")
	Mono<Addresses.AddressList> list(@AuthenticationPrincipal CairnUser user) {
		return addresses.list(user.personId());
	}

	/** Adds an address and mails it a link; the same address again mails a new link (the old one stops working). */
	@PostMapping("/api/v1/me/addresses")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Addresses.AddressList> add(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody NewAddress body) {
		return addresses.add(user.personId(), body.email());
	}

	@DeleteMapping("/api/v1/me/addresses/{email}")
	Mono<ResponseEntity<Void>> remove(@AuthenticationPrincipal CairnUser user,
			@PathVariable @Size(max = 320) String email) {
		return addresses.remove(user.personId(), email).thenReturn(ResponseEntity.noContent().build());
	}

	/** Which verified address new badges are issued to ({@code null} or the district email: the district email). */
	@PutMapping("/api/v1/me/addresses/badge-address")
	Mono<Addresses.AddressList> choose(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody Choice body) {
		return addresses.choose(user.personId(), body.email());
	}

	@GetMapping("/api/v1/address-verifications/{token}")
	Mono<Addresses.LinkView> show(@PathVariable @Size(max = 100) String token) {
		return addresses.view(token);
	}

	@PostMapping("/api/v1/address-verifications/{token}")
	Mono<Addresses.LinkView> confirm(@PathVariable @Size(max = 100) String token) {
		return addresses.confirm(token);
	}

	/** Always 202: whether the address belongs to anyone is not told. */
	@PostMapping("/api/v1/auth/sign-in-links")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> requestSignIn(@Valid @RequestBody NewAddress body) {
		addresses.requestSignIn(body.email());
		return Mono.empty();
	}

	/** Uses a sign-in link (once) and opens a session. */
	@PostMapping("/api/v1/auth/sign-in-links/{token}")
	Mono<ResponseEntity<SignedIn>> signIn(@PathVariable @Size(max = 100) String token) {
		return addresses.signIn(token)
			.flatMap(person -> sessions.open(person.id())
				.map(cookie -> ResponseEntity.ok()
					.header(HttpHeaders.SET_COOKIE, cookie.toString())
					.body(new SignedIn(person.id(), person.displayName(), person.departed()))));
	}

	record NewAddress(@NotBlank @Email @Size(max = 320) String email) {
	}

	record Choice(@Size(max = 320) String email) {
	}

	record SignedIn(String id, String displayName, boolean departed) {
	}

}
