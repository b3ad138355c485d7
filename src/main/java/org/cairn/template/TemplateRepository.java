package org.cairn.template;

import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** Template versions. Every query names the district: a template id alone never reaches another tenant's data. */
interface TemplateRepository extends ReactiveCrudRepository<Template, String> {

	Mono<Template> findByIdAndDistrictId(String id, String districtId);

	Flux<Template> findByDistrictId(String districtId);

	Flux<Template> findByDistrictIdAndStatusIn(String districtId, Collection<TemplateStatus> statuses);

	Flux<Template> findByDistrictIdAndFamilyIdOrderByVersionDesc(String districtId, String familyId);

	Mono<Template> findByDistrictIdAndFamilyIdAndVersion(String districtId, String familyId, int version);

}
