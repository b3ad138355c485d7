package org.cairn.account;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface PersonRepository extends ReactiveCrudRepository<Person, String> {

	Mono<Person> findByEmail(String email);

	/** The only way features should load a person named in a request: scoped to the caller's district. */
	Mono<Person> findByIdAndDistrictId(String id, String districtId);

	Flux<Person> findByDistrictId(String districtId);

}
