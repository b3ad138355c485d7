package org.cairn.verification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuers a district recognises (district admins only, always scoped to the caller's district). Adding an
 * issuer twice is one entry: the second request answers with the first.
 */
@RestController
@RequestMapping("/api/v1/district/trusted-issuers")
class TrustedIssuerController {

	private final TrustedIssuerRepository trusted;

	private final Clock clock;

	TrustedIssuerController(TrustedIssuerRepository trusted, Clock clock) {
		this.trusted = trusted;
		this.clock = clock;
	}

	@GetMapping
	Flux<TrustedIssuer> list(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return trusted.findByDistrictIdOrderByCreatedAtAsc(user.districtId());
	}

	@PostMapping
	Mono<ResponseEntity<TrustedIssuer>> add(@AuthenticationPrincipal CairnUser user,
			@Valid @RequestBody NewTrustedIssuer body) {
		user.require(Role.DISTRICT_ADMIN);
		String issuerId = body.issuerId().strip();
		List<ProblemException.FieldProblem> problems = new ArrayList<>();
		if (!Nodes.isIri(issuerId)) {
			problems.add(new ProblemException.FieldProblem("issuerId", "must be the issuer profile's id (an IRI)"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(ProblemException.invalid(problems));
		}
		TrustedIssuer entry = new TrustedIssuer(null, user.districtId(), issuerId, blankToNull(body.name()),
				blankToNull(body.note()), clock.instant());
		return trusted.findByDistrictIdAndIssuerId(user.districtId(), issuerId)
			.map(existing -> ResponseEntity.ok(existing))
			.switchIfEmpty(Mono.defer(() -> trusted.save(entry)
				.map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved))
				.onErrorResume(DuplicateKeyException.class,
						ex -> trusted.findByDistrictIdAndIssuerId(user.districtId(), issuerId).map(ResponseEntity::ok))));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> remove(@AuthenticationPrincipal CairnUser user, @PathVariable String id) {
		user.require(Role.DISTRICT_ADMIN);
		return trusted.findByIdAndDistrictId(id, user.districtId())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Trusted issuer")))
			.flatMap(trusted::delete);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	record NewTrustedIssuer(@NotBlank @Size(max = 2000) String issuerId, @Size(max = 200) String name,
			@Size(max = 1000) String note) {
	}

}
