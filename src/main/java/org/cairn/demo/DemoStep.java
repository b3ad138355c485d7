package org.cairn.demo;

import reactor.core.publisher.Mono;

/**
 * One feature's demo data, added through that feature's public services once the demo district and its people
 * exist. {@link DemoSeeder} runs the steps one after another in their {@code @Order}; each looks at what exists and
 * only adds what is missing, so a restart (or a start that stopped half-way) ends in the same state.
 */
interface DemoStep {

	Mono<Void> seed(DemoDistrictSeeded event);

}
