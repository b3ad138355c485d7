package org.cairn.account;

import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SessionRepository extends ReactiveCrudRepository<Session, String> {

	Mono<Void> deleteByPersonId(String personId);

}
