package org.cairn.template;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** Districts' own frameworks; the built-in ones live in {@link Frameworks}. */
interface FrameworkRepository extends ReactiveCrudRepository<Framework, String> {

	Flux<Framework> findByDistrictIdOrderByCode(String districtId);

	Mono<Framework> findByDistrictIdAndCode(String districtId, String code);

}
