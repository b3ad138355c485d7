package org.cairn.issuing;

import java.time.Instant;

import org.cairn.openbadges.Profile;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What issuing publishes about the badges it issued, for features that restate them (Open Badges 3.0). */
public interface IssuedBadges {

	/** The badge behind an assertion id (revoked ones too); empty when there is none. */
	Mono<IssuedBadge> find(String assertionId);

	/** A person's assertions, newest first (revoked ones too). */
	Flux<IssuedBadge> ofPerson(String personId);

	/** The issuer with its public id, as the 2.0 Profile states it; empty when unknown. */
	Mono<Issuer> issuer(String issuerId);

	/** The issuer of a district (created on first need, like the 2.0 documents do). */
	Mono<Issuer> issuerOfDistrict(String districtId);

	/** How the district verifies what it issues by default (hosted or signed), from its issuing settings. */
	Mono<VerificationMode> defaultMode(String districtId);

	/** Every revoked assertion of a district, oldest revocation first. */
	Flux<Revoked> revoked(String districtId);

	record Issuer(String id, String districtId, Profile profile) {
	}

	record Revoked(String assertionId, Instant revokedAt, String reason) {
	}

}
