package org.cairn.enrollment;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface EnrollmentRepository extends ReactiveCrudRepository<Enrollment, String> {

	Mono<Enrollment> findByIdAndDistrictId(String id, String districtId);

	Flux<Enrollment> findByDistrictIdAndPersonIdOrderByStartedAtDesc(String districtId, String personId, Pageable page);

	Flux<Enrollment> findByDistrictIdOrderByStartedAtAsc(String districtId, Pageable page);

	/** The approval history: decided proposals, newest decision first (index {@code district_decided}). */
	Flux<Enrollment> findByDistrictIdAndDecidedAtNotNullOrderByDecidedAtDescIdAsc(String districtId, Pageable page);

	Flux<Enrollment> findByDistrictIdAndStateOrderByProposedAtAsc(String districtId, EnrollmentState state, Pageable page);

	Flux<Enrollment> findByDistrictIdAndTemplateId(String districtId, String templateId);

	Mono<Enrollment> findByActiveKey(String activeKey);

}
