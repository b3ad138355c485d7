package org.cairn.platform;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.district.District;
import org.cairn.district.DistrictSettings;
import org.cairn.district.Districts;
import org.cairn.district.ValidTimeZone;
import org.cairn.mail.HeaderText;
import org.cairn.people.Invitations;
import org.cairn.people.Invite;
import org.cairn.people.PersonView;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform administrators create districts (with their first district admin) and list them. */
@RestController
@RequestMapping("/api/v1/districts")
class DistrictsController {

	private final Districts districts;

	private final Invitations invitations;

	DistrictsController(Districts districts, Invitations invitations) {
		this.districts = districts;
		this.invitations = invitations;
	}

	@GetMapping
	Flux<Summary> list(@AuthenticationPrincipal CairnUser user) {
		user.requirePlatformAdmin();
		return districts.all().map(Summary::of);
	}

	/** A second request with the same slug answers 409 {@code slug-taken}: one district per slug, ever. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Created> create(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody NewDistrict body) {
		user.requirePlatformAdmin();
		DistrictSettings settings = new DistrictSettings(body.name().trim(), body.url(), body.email(), null, null,
				"#1f6f5c", body.timeZone(), 7, 0, false, false, District.DEFAULT_MAX_UPLOAD_BYTES);
		return districts.create(body.slug(), settings)
			.onErrorMap(DuplicateKeyException.class,
					ex -> ProblemException.of(PlatformProblem.SLUG_TAKEN, "slug-taken", body.slug()))
			.flatMap(saved -> invitations
				.invite(saved.id(), user.personId(),
						new Invite(body.adminEmail(), body.adminName(), Set.of(Role.DISTRICT_ADMIN), null, null, null))
				.map(invited -> new Created(Summary.of(saved), PersonView.of(invited.person()), invited.expiresAt())));
	}

	record NewDistrict(
			@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,48}[a-z0-9]",
					message = "must be 3-50 lower-case letters, digits and dashes") String slug,
			@NotBlank @Size(max = 200) @HeaderText String name,
			@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
			@NotBlank @Email @Size(max = 320) String email, @NotBlank @ValidTimeZone String timeZone,
			@NotBlank @Email @Size(max = 320) String adminEmail, @Size(max = 200) @HeaderText String adminName) {
	}

	record Summary(String id, String slug, String name, String url, Instant createdAt) {

		static Summary of(District d) {
			return new Summary(d.id(), d.slug(), d.name(), d.url(), d.createdAt());
		}

	}

	record Created(Summary district, PersonView admin, Instant invitationExpiresAt) {
	}

}
