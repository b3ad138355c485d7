package org.cairn.template;

import java.util.Collection;

import org.bson.Document;
import org.cairn.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The template feature's published lookup: how every other feature reads template versions, so only this package
 * knows how templates are stored.
 */
@Component
public class TemplateLookup {

	private final ReactiveMongoTemplate mongo;

	TemplateLookup(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** One version by id, whatever its district (public documents name the template by id alone). */
	public Mono<Template> byId(String templateId) {
		return mongo.findById(templateId, Template.class);
	}

	/** The exact version within the district, or a 404 problem when it is not there. */
	public Mono<Template> get(String districtId, String templateId) {
		return mongo
			.findOne(Query.query(Criteria.where("_id").is(templateId).and("districtId").is(districtId)), Template.class)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Template " + templateId)));
	}

	/** The district's published version adopted from this library microcredential, if any. */
	public Mono<Template> publishedFromLibrary(String districtId, String libraryKey) {
		return mongo.findOne(Query.query(publishedIn(districtId).and("libraryKey").is(libraryKey)), Template.class);
	}

	/** The district's first published template (by id), if it has any. */
	public Mono<Template> firstPublished(String districtId) {
		return mongo.findOne(Query.query(publishedIn(districtId)).with(Sort.by("_id")), Template.class);
	}

	/** A version of a template family: its id and number. */
	public record Version(String id, int version) {
	}

	/** Every version of the district's template family (id and number only). */
	public Flux<Version> versions(String districtId, String familyId) {
		Query query = Query.query(Criteria.where("districtId").is(districtId).and("familyId").is(familyId));
		query.fields().include("version");
		return mongo.find(query, Document.class, "templates")
			.map(row -> new Version(row.get("_id").toString(), ((Number) row.get("version")).intValue()));
	}

	/** The district's published templates. */
	public Flux<Template> published(String districtId) {
		return mongo.find(Query.query(publishedIn(districtId)), Template.class);
	}

	/** The district's templates with these ids. */
	public Flux<Template> inDistrict(String districtId, Collection<String> ids) {
		return mongo.find(Query.query(Criteria.where("districtId").is(districtId).and("_id").in(ids)), Template.class);
	}

	private static Criteria publishedIn(String districtId) {
		return Criteria.where("districtId").is(districtId).and("status").is(TemplateStatus.PUBLISHED);
	}

}
