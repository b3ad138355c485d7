package org.cairn.award;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface AwardRepository extends ReactiveCrudRepository<Award, String> {

	Mono<Award> findByAwardKey(String awardKey);

	Flux<Award> findByDistrictIdAndPersonId(String districtId, String personId);

}
