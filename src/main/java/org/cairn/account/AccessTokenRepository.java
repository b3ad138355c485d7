package org.cairn.account;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface AccessTokenRepository extends ReactiveCrudRepository<AccessToken, String> {

	Mono<AccessToken> findByTokenHash(String tokenHash);

	Flux<AccessToken> findByPersonId(String personId);

	Mono<AccessToken> findByIdAndPersonId(String id, String personId);

	Mono<Void> deleteByPersonId(String personId);

}
