package org.cairn.district;

import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface DistrictRepository extends ReactiveCrudRepository<District, String> {

	Mono<District> findBySlug(String slug);

}
