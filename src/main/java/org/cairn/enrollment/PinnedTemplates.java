package org.cairn.enrollment;

import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Reads template versions scoped to a district, through the template feature's published lookup. */
@Component
public class PinnedTemplates {

	private final TemplateLookup templates;

	PinnedTemplates(TemplateLookup templates) {
		this.templates = templates;
	}

	/** The exact version, or a 404 problem when it is not in the district. */
	public Mono<Template> get(String districtId, String templateId) {
		return templates.get(districtId, templateId);
	}

}
