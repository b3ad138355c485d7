package org.cairn.review;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface SubmissionRepository extends ReactiveCrudRepository<Submission, String> {

	Mono<Submission> findByIdAndDistrictId(String id, String districtId);

	Mono<Submission> findByEnrollmentIdAndTierKey(String enrollmentId, String tierKey);

	Flux<Submission> findByEnrollmentId(String enrollmentId);

	Flux<Submission> findByDistrictIdAndStateOrderBySubmittedAtAsc(String districtId, SubmissionState state,
			Pageable page);

	Flux<Submission> findByDistrictIdAndStateAndAssessorIdOrderBySubmittedAtAsc(String districtId,
			SubmissionState state, String assessorId, Pageable page);

	Flux<Submission> findByDistrictIdAndTemplateId(String districtId, String templateId);

}
