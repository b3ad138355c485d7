package org.cairn.template;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.cairn.language.Language;
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

	/**
	 * The titles of these versions (template id to its family) as a reader of the language reads them, for what
	 * kept a copy of the title when it started (an enrolment, a submission): the version's own wording in that
	 * language, else the newest version of the same microcredential that has one (a Spanish wording is usually added
	 * in a later version). Ids missing from the answer have no wording in the language (or no template any more):
	 * the caller keeps its copy. English readers read the copies as they are, so nothing is read for them. Only
	 * the titles and families are read, never the templates' artwork.
	 */
	public Mono<Map<String, String>> titlesIn(Language language, String districtId, Map<String, String> families) {
		if (language == Language.EN || families.isEmpty()) {
			return Mono.just(Map.of());
		}
		Map<String, String> titles = new HashMap<>();
		Query own = Query.query(Criteria.where("districtId").is(districtId).and("_id").in(families.keySet()));
		own.fields().include("es.title");
		return mongo.find(own, Document.class, "templates")
			.doOnNext(row -> spanishTitle(row).ifPresent(title -> titles.put(row.get("_id").toString(), title)))
			.then(Mono.defer(() -> {
				Set<String> unworded = new HashSet<>();
				families.forEach((id, family) -> {
					if (!titles.containsKey(id) && family != null) {
						unworded.add(family);
					}
				});
				if (unworded.isEmpty()) {
					return Mono.just(titles);
				}
				Query later = Query.query(Criteria.where("districtId").is(districtId).and("familyId").in(unworded));
				later.fields().include("familyId").include("version").include("es.title");
				Map<String, Document> newest = new HashMap<>();
				return mongo.find(later, Document.class, "templates")
					.filter(row -> spanishTitle(row).isPresent())
					.doOnNext(row -> newest.merge(row.getString("familyId"), row,
							(a, b) -> ((Number) a.get("version")).intValue() >= ((Number) b.get("version")).intValue()
									? a : b))
					.then(Mono.fromSupplier(() -> {
						families.forEach((id, family) -> {
							if (!titles.containsKey(id) && newest.containsKey(family)) {
								spanishTitle(newest.get(family)).ifPresent(title -> titles.put(id, title));
							}
						});
						return titles;
					}));
			}));
	}

	private static Optional<String> spanishTitle(Document row) {
		Object es = row.get("es");
		Object title = es instanceof Document wording ? wording.get("title") : null;
		return title instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
	}

	private static Criteria publishedIn(String districtId) {
		return Criteria.where("districtId").is(districtId).and("status").is(TemplateStatus.PUBLISHED);
	}

}
