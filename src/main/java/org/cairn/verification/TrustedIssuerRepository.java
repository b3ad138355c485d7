package org.cairn.verification;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface TrustedIssuerRepository extends ReactiveCrudRepository<TrustedIssuer, String> {

	Flux<TrustedIssuer> findByDistrictIdOrderByCreatedAtAsc(String districtId);

	Mono<TrustedIssuer> findByIdAndDistrictId(String id, String districtId);

	Mono<TrustedIssuer> findByDistrictIdAndIssuerId(String districtId, String issuerId);

	Mono<Boolean> existsByDistrictIdAndIssuerId(String districtId, String issuerId);

}
