package org.cairn.district;

import jakarta.validation.Valid;
import org.cairn.account.CairnUser;
import org.cairn.account.Role;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own district; there is no way to name another one here. */
@RestController
@RequestMapping("/api/v1/district")
class DistrictController {

	private final DistrictRepository districts;

	DistrictController(DistrictRepository districts) {
		this.districts = districts;
	}

	@GetMapping
	Mono<DistrictView> mine(@AuthenticationPrincipal CairnUser user) {
		return own(user).map(DistrictView::of);
	}

	@PutMapping
	Mono<DistrictView> update(@AuthenticationPrincipal CairnUser user, @Valid @RequestBody DistrictSettings settings) {
		user.require(Role.DISTRICT_ADMIN);
		return own(user).map(d -> d.withSettings(settings)).flatMap(districts::save).map(DistrictView::of);
	}

	private Mono<District> own(CairnUser user) {
		if (user.districtId() == null) {
			return Mono.error(ProblemException.notFound("Your district"));
		}
		return districts.findById(user.districtId())
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Your district")));
	}

	record DistrictView(String id, String slug, DistrictSettings settings) {

		static DistrictView of(District d) {
			return new DistrictView(d.id(), d.slug(), d.settings());
		}

	}

}
