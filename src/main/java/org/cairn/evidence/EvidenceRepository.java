package org.cairn.evidence;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface EvidenceRepository extends ReactiveCrudRepository<Evidence, String> {

	Mono<Evidence> findByIdAndDistrictId(String id, String districtId);

	Mono<Evidence> findBySlotKey(String slotKey);

	Flux<Evidence> findByEnrollmentIdAndWithdrawnAtIsNull(String enrollmentId);

	Flux<Evidence> findByEnrollmentIdAndTierKeyAndWithdrawnAtIsNull(String enrollmentId, String tierKey);

	Flux<Evidence> findByEnrollmentIdAndTierKeyAndIsPublicTrueAndWithdrawnAtIsNull(String enrollmentId,
			String tierKey);

}
