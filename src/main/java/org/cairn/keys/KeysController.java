package org.cairn.keys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** District admins see, rotate and revoke their district's signing keys. */
@RestController
class KeysController {

	private final Keys keys;

	KeysController(Keys keys) {
		this.keys = keys;
	}

	@GetMapping("/api/v1/keys")
	Flux<KeyView> list(@AuthenticationPrincipal CairnUser user) {
		user.require(Role.DISTRICT_ADMIN);
		return keys.all(user.districtId()).map(k -> KeyView.of(k, keys.keyUrl(k.id())));
	}

	/** Rotates away from {@code fromKeyId} (the active key the admin saw), so a double submit rotates once. */
	@PostMapping("/api/v1/keys/rotations")
	Mono<KeyView> rotate(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody Rotation body) {
		user.require(Role.DISTRICT_ADMIN);
		return keys.rotate(user.districtId(), body.fromKeyId()).map(k -> KeyView.of(k, keys.keyUrl(k.id())));
	}

	@PostMapping("/api/v1/keys/{id}/revoke")
	Mono<KeyView> revoke(@AuthenticationPrincipal CairnUser user, @PathVariable String id,
			@Valid @RequestBody Revocation body) {
		user.require(Role.DISTRICT_ADMIN);
		return keys.revoke(user.districtId(), id, body.reason())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Key " + id)))
			.map(k -> KeyView.of(k, keys.keyUrl(k.id())));
	}

	record Rotation(@Size(max = 64) String fromKeyId) {
	}

	record Revocation(@NotBlank @Size(max = 500) String reason) {
	}

	record KeyView(String id, String url, int generation, String publicKeyPem, java.time.Instant createdAt,
			java.time.Instant revokedAt, String revocationReason) {

		static KeyView of(SigningKey k, String url) {
			return new KeyView(k.id(), url, k.generation(), k.publicKeyPem(), k.createdAt(), k.revokedAt(),
					k.revocationReason());
		}

	}

}
