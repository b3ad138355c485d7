package org.cairn.account;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Password sign-in, sign-out, the caller's own profile and personal access tokens. */
@RestController
class AuthController {

	/** A real hash of a random secret: an unknown email costs the same time as a wrong password. */
	/** A bcrypt hash of a random password, checked for unknown emails so they cost what known ones cost. */
	private volatile String dummyHash;

	private final EmailAddresses addresses;

	private final PasswordEncoder passwords;

	private final Sessions sessions;

	private final AccessTokens tokens;

	private final LoginThrottle throttle;

	private final PersonChanges changes;

	AuthController(EmailAddresses addresses, PasswordEncoder passwords, Sessions sessions, AccessTokens tokens,
			LoginThrottle throttle, PersonChanges changes) {
		this.changes = changes;
		this.addresses = addresses;
		this.passwords = passwords;
		this.sessions = sessions;
		this.tokens = tokens;
		this.throttle = throttle;
	}

	/**
	 * Hashes the dummy password once the service is ready, off the start-up path (bcrypt in a JVM that has compiled
	 * nothing yet took about a second of start-up); a sign-in before that computes it itself.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void prepareDummyHash() {
		Schedulers.boundedElastic().schedule(this::dummyHash);
	}

	private String dummyHash() {
		String hash = dummyHash;
		if (hash == null) {
			synchronized (this) {
				if (dummyHash == null) {
					dummyHash = passwords.encode(SecretTokens.generate(""));
				}
				hash = dummyHash;
			}
		}
		return hash;
	}

	@PostMapping("/api/v1/auth/login")
	Mono<ResponseEntity<Me>> login(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
		String email = Person.normalizeEmail(credentials.email());
		// Checked before any password work, so a blocked attacker cannot even spend our CPU.
		return throttle.check(email, exchange)
			// the district email, or an address the person verified (a former teacher's personal address)
			.then(addresses.personFor(email))
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			// bcrypt is deliberately slow CPU work: keep it off the event loop.
			.publishOn(Schedulers.boundedElastic())
			.flatMap(found -> {
				String hash = found.map(Person::passwordHash).filter(h -> h != null).orElseGet(this::dummyHash);
				boolean matches = passwords.matches(credentials.password(), hash);
				return found.filter(p -> matches && p.active() && p.passwordHash() != null)
					.map(Mono::just)
					.orElseGet(() -> throttle.recordFailure(email, exchange).then(Mono.error(invalidCredentials())));
			})
			.flatMap(person -> person.departed() && email.equals(person.email())
					? Mono.error(ProblemException.of(AccountProblem.DISTRICT_ACCOUNT_CLOSED, "district-account-closed"))
					: Mono.just(person))
			.flatMap(person -> throttle.recordSuccess(email).then(sessions.open(person.id()))
				.map(cookie -> ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString())
					.body(Me.of(CairnUser.of(person)))));
	}

	static ProblemException invalidCredentials() {
		return ProblemException.of(AccountProblem.INVALID_CREDENTIALS, "invalid-credentials");
	}

	@PostMapping("/api/v1/auth/logout")
	Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(Sessions.COOKIE);
		if (cookie == null) {
			return Mono.just(ResponseEntity.noContent().build());
		}
		return sessions.close(cookie.getValue())
			.map(clear -> ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, clear.toString()).build());
	}

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal CairnUser user) {
		return Me.of(user);
	}

	/**
	 * The caller's language ("en", "es", or null to follow the browser): the web app, mail and PDFs use it. Setting
	 * the same value again changes nothing, so a retry is safe.
	 */
	@PutMapping("/api/v1/me/language")
	Mono<Me> chooseLanguage(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody LanguageChoice choice) {
		return changes.chooseLanguage(user.personId(), choice.language())
			.map(person -> Me.of(CairnUser.of(person)))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Person " + user.personId())));
	}

	/** @param language "en", "es", or null (not chosen: the browser's language) */
	record LanguageChoice(@jakarta.validation.constraints.Pattern(regexp = "en|es",
			message = "The language must be \"en\" (English), \"es\" (Spanish) or null (the browser's).") String language) {
	}

	@PostMapping("/api/v1/me/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<AccessTokens.CreatedToken> createToken(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody NewToken request) {
		return tokens.create(user.personId(), request.name(), request.scopes(), Duration.ofDays(request.days()));
	}

	@GetMapping("/api/v1/me/tokens")
	Flux<AccessTokens.TokenView> listTokens(@AuthenticationPrincipal CairnUser user) {
		return tokens.list(user.personId());
	}

	@DeleteMapping("/api/v1/me/tokens/{id}")
	Mono<ResponseEntity<Void>> revokeToken(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		return tokens.revoke(user.personId(), id)
			.flatMap(found -> found ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(ProblemException.notFound("Token " + id)));
	}

	record Credentials(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
	}

	/** At most a year ({@link AccessTokens#MAX_LIFETIME}); at least one scope, chosen by the person. */
	record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(365) int days,
			@NotEmpty @Size(max = 3) Set<@NotNull TokenScope> scopes) {
	}

	/**
	 * @param departed the person left the district: their badges only, read-only
	 * @param language "en", "es", or null when not chosen (follow the browser's Accept-Language)
	 */
	record Me(String id, String districtId, String email, String displayName, Set<Role> roles, boolean platformAdmin,
			boolean departed, String language) {

		static Me of(CairnUser user) {
			return new Me(user.personId(), user.districtId(), user.email(), user.displayName(), user.roles(),
					user.platformAdmin(), user.departed(), user.language());
		}

	}

}
