package org.cairn.transcript;

import org.cairn.district.DistrictRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** {@link LearningHours} read from {@link Credits}, the same numbers the hours page and the transcript show. */
@Component
class CurrentHours implements LearningHours {

	private final Credits credits;

	private final DistrictRepository districts;

	CurrentHours(Credits credits, DistrictRepository districts) {
		this.credits = credits;
		this.districts = districts;
	}

	@Override
	public Mono<String> creditName(String districtId) {
		return credits.settings(districtId).map(CreditSettings::creditName);
	}

	@Override
	public Flux<BadgeHours> current(String districtId, String personId) {
		return districts.findById(districtId)
			.flatMapMany(district -> credits.of(district, personId))
			.filter(b -> !b.expired())
			.map(b -> new BadgeHours(b.badge().assertionId(), b.name(), Credits.round(b.credits())));
	}

}
