package org.cairn.enrollment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cairn.language.Language;
import org.cairn.language.Message;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Reads template versions scoped to a district, through the template feature's published lookup. */
@Component
public class PinnedTemplates {

	private final TemplateLookup templates;

	PinnedTemplates(TemplateLookup templates) {
		this.templates = templates;
	}

	/**
	 * The enrolments with their microcredential's title as a reader of the language reads it (issue 18): the
	 * template's wording in that language where one exists, else the title the enrolment kept (a deleted template's
	 * too). Nothing is read for English readers.
	 */
	public Mono<List<Enrollment>> titled(Language language, List<Enrollment> enrollments) {
		if (language == Language.EN || enrollments.isEmpty()) {
			return Mono.just(enrollments);
		}
		Map<String, Map<String, String>> byDistrict = new HashMap<>();
		enrollments.forEach(e -> byDistrict.computeIfAbsent(e.districtId(), d -> new HashMap<>())
			.put(e.templateId(), e.familyId()));
		return Flux.fromIterable(byDistrict.entrySet())
			.concatMap(d -> templates.titlesIn(language, d.getKey(), d.getValue()))
			.collect(HashMap<String, String>::new, Map::putAll)
			.map(titles -> enrollments.stream()
				.map(e -> titles.containsKey(e.templateId()) ? e.titled(titles.get(e.templateId())) : e)
				.toList());
	}

	/** One enrolment as {@link #titled(Language, List)} gives it. */
	public Mono<Enrollment> titled(Language language, Enrollment enrollment) {
		return titled(language, List.of(enrollment)).map(list -> list.get(0));
	}

	/**
	 * A template's title as a notice argument ({@link Message#written}): each reader reads it in their language,
	 * the Spanish from the version's wording or, without one, a later version's.
	 */
	public Mono<Object> writtenTitle(Template template) {
		return templates.titlesIn(Language.ES, template.districtId(), Map.of(template.id(), template.familyId()))
			.map(titles -> Message.written(template.title(), titles.get(template.id())));
	}

	/** The exact version, or a 404 problem when it is not in the district. */
	public Mono<Template> get(String districtId, String templateId) {
		return templates.get(districtId, templateId);
	}

}
