package org.cairn.template;

import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * How other features read templates: the exact version by id, whatever its status, since an enrolment or a badge
 * keeps the version it was earned under even after that version is retired or superseded.
 */
@Service
public class TemplateCatalog {

	private final TemplateRepository templates;

	TemplateCatalog(TemplateRepository templates) {
		this.templates = templates;
	}

	/** The version in the district, or a 404 problem (also for another district's id). */
	public Mono<Template> find(String districtId, String templateId) {
		return templates.findByIdAndDistrictId(templateId, districtId)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Template " + templateId)));
	}

	/** The family's newest published version in the district, if any (what a renewal follows today). */
	public Mono<Template> latestPublished(String districtId, String familyId) {
		return templates.findByDistrictIdAndFamilyIdOrderByVersionDesc(districtId, familyId)
			.filter(t -> t.status() == TemplateStatus.PUBLISHED)
			.next();
	}

	/** For work that is not on behalf of a caller (issuing an award already scoped by its own district). */
	public Mono<Template> findById(String templateId) {
		return templates.findById(templateId);
	}

}
