package org.cairn.enrollment;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface EnrollmentRepository extends ReactiveCrudRepository<Enrollment, String> {

	Mono<Enrollment> findByIdAndDistrictId(String id, String districtId);

	Flux<Enrollment> findByDistrictIdAndPersonIdOrderByStartedAtDesc(String districtId, String personId);

	Flux<Enrollment> findByDistrictIdOrderByStartedAtAsc(String districtId);

	Flux<Enrollment> findByDistrictIdAndStateOrderByProposedAtAsc(String districtId, EnrollmentState state);

	Flux<Enrollment> findByDistrictIdAndTemplateId(String districtId, String templateId);

	Mono<Enrollment> findByActiveKey(String activeKey);

}
