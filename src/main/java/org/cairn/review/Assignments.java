package org.cairn.review;

import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.district.District;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who may review a teacher's work, and who is next. The round-robin position is a counter document per district
 * (incremented atomically), so every instance behind the load balancer takes turns from the same sequence.
 */
@Component
class Assignments {

	static final String COUNTERS = "assignment_counters";

	private final PersonRepository people;

	private final ReactiveMongoTemplate mongo;

	Assignments(PersonRepository people, ReactiveMongoTemplate mongo) {
		this.people = people;
		this.mongo = mongo;
	}

	/** Never the teacher; not their coach when the district forbids it. */
	static boolean eligible(Person assessor, Person teacher, District district) {
		return assessor.active() && assessor.has(Role.ASSESSOR) && !assessor.id().equals(teacher.id())
				&& (district.allowCoachAsAssessor() || !assessor.id().equals(teacher.coachId()));
	}

	Mono<List<Person>> candidates(District district, Person teacher) {
		return people.findByDistrictId(district.id())
			.filter(p -> eligible(p, teacher, district))
			.sort(Comparator.comparing(Person::id))
			.collectList();
	}

	/** The next eligible assessor in turn; empty when the district has none eligible. */
	Mono<String> next(District district, Person teacher) {
		return candidates(district, teacher).filter(list -> !list.isEmpty())
			.flatMap(list -> mongo
				.findAndModify(Query.query(Criteria.where("_id").is(district.id())), new Update().inc("turn", 1L),
						FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS)
				.map(counter -> {
					long turn = ((Number) counter.get("turn")).longValue();
					return list.get((int) Math.floorMod(turn - 1, (long) list.size())).id();
				}));
	}

}
