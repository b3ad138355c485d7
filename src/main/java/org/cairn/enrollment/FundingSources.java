package org.cairn.enrollment;

import java.util.LinkedHashSet;
import java.util.List;

import org.cairn.problem.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The funding sources a district pays professional learning from, as it reports them: the list the template editor
 * offers for each tier's pay and the spending report's rows. Until the district edits it, the usual US list.
 */
@Component
class FundingSources {

	static final List<String> DEFAULTS = List.of("Title II-A", "Title I", "State", "District", "Grant");

	static final int MAX_SOURCES = 30;

	/** @param id the district's id */
	@Document("funding_sources")
	record FundingSourceList(@Id String id, List<String> sources) {
	}

	private final ReactiveMongoTemplate mongo;

	FundingSources(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<List<String>> of(String districtId) {
		return mongo.findById(districtId, FundingSourceList.class)
			.map(FundingSourceList::sources)
			.defaultIfEmpty(DEFAULTS);
	}

	/** Replaces the list (trimmed, blanks and repeats dropped, order kept); saving the same list again is a no-op. */
	Mono<List<String>> replace(String districtId, List<String> sources) {
		if (sources == null) {
			return Mono.error(ProblemException.invalid("sources", "list the funding sources, e.g. Title II-A"));
		}
		LinkedHashSet<String> clean = new LinkedHashSet<>();
		for (String s : sources) {
			if (s != null && !s.isBlank()) {
				clean.add(s.strip());
			}
		}
		if (clean.isEmpty()) {
			return Mono.error(ProblemException.invalid("sources", "list at least one funding source"));
		}
		if (clean.size() > MAX_SOURCES) {
			return Mono.error(ProblemException.invalid("sources", "at most " + MAX_SOURCES + " funding sources"));
		}
		for (String s : clean) {
			if (s.length() > 60 || s.chars().anyMatch(Character::isISOControl)) {
				return Mono.error(ProblemException.invalid("sources",
						"each funding source is one line of at most 60 characters"));
			}
		}
		return mongo.save(new FundingSourceList(districtId, List.copyOf(clean))).map(FundingSourceList::sources);
	}

}
