package org.cairn.enrollment;

import org.cairn.problem.ProblemException;
import org.cairn.template.Template;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads template versions (owned by the template feature) scoped to a district. */
@Component
public class PinnedTemplates {

	private final ReactiveMongoTemplate mongo;

	PinnedTemplates(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The exact version, or a 404 problem when it is not in the district. */
	public Mono<Template> get(String districtId, String templateId) {
		return mongo
			.findOne(Query.query(Criteria.where("_id").is(templateId).and("districtId").is(districtId)), Template.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Template " + templateId)));
	}

}
