package org.cairn.district;

import java.time.Clock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the district feature publishes for creating districts (the platform's district form, the demo): only this
 * package knows how a district is stored. The slug is unique, so two creations of one slug make one district.
 */
@Component
public class Districts {

	private final DistrictRepository districts;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	/** Public so a test can point one at a store of its own. */
	public Districts(DistrictRepository districts, ReactiveMongoTemplate mongo, Clock clock) {
		this.districts = districts;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A new district, created now; fails with {@link DuplicateKeyException} when the slug is taken. */
	public Mono<District> create(String slug, DistrictSettings settings) {
		return Mono.defer(() -> districts.save(newDistrict(slug, settings)));
	}

	/**
	 * The district with this slug: the one there, or a new one. Of several instances creating it at once, one
	 * creates it and the others find it.
	 */
	public Mono<District> createOnce(String slug, DistrictSettings settings) {
		return districts.findBySlug(slug)
			.switchIfEmpty(Mono.defer(() -> districts.save(newDistrict(slug, settings))))
			.onErrorResume(DuplicateKeyException.class, ex -> districts.findBySlug(slug));
	}

	/** Every district (the platform's list). */
	public Flux<District> all() {
		return districts.findAll();
	}

	/** Whether any district exists. */
	public Mono<Boolean> any() {
		return mongo.exists(new Query(), District.class);
	}

	private District newDistrict(String slug, DistrictSettings s) {
		return new District(null, slug, s.name(), s.url(), s.email(), s.description(), s.logo(), s.brandColor(),
				s.timeZone(), s.fiscalYearStartMonth(), s.budgetCents(), s.autoApproveProposals(),
				s.allowCoachAsAssessor(), s.maxUploadBytes(), clock.instant(), null);
	}

	/**
	 * The language of mail and PDFs for a reader of the district: their own choice ("en", "es"), else the
	 * district's default, else English.
	 */
	public Mono<org.cairn.language.Language> languageFor(String districtId, String chosen) {
		org.cairn.language.Language own = org.cairn.language.Language.of(chosen);
		if (own != null || districtId == null) {
			return Mono.just(own != null ? own : org.cairn.language.Language.EN);
		}
		return districts.findById(districtId)
			.map(d -> org.cairn.language.Language.first(d.language()))
			.defaultIfEmpty(org.cairn.language.Language.EN);
	}

}
