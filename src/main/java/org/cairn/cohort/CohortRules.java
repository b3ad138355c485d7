package org.cairn.cohort;

import java.time.Clock;

import org.cairn.district.DistrictRepository;
import org.cairn.enrollment.Enrollment;
import org.cairn.problem.ProblemException;
import org.cairn.review.SubmissionRules;
import org.cairn.template.Tier;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** A cohort's rules for its members' work: its evaluator reviews it, and its due dates may refuse late work. */
@Component
class CohortRules implements SubmissionRules {

	private final ReactiveMongoTemplate mongo;

	private final DistrictRepository districts;

	private final Clock clock;

	// not Cohorts: review calls these rules, and Cohorts calls review
	CohortRules(ReactiveMongoTemplate mongo, DistrictRepository districts, Clock clock) {
		this.mongo = mongo;
		this.districts = districts;
		this.clock = clock;
	}

	private Mono<Cohort> cohortOf(Enrollment enrollment) {
		return mongo.findOne(Query.query(Criteria.where("enrollmentId").is(enrollment.id())), CohortMember.class)
			.flatMap(member -> mongo.findById(member.cohortId(), Cohort.class));
	}

	@Override
	public Mono<String> assessorOf(Enrollment enrollment) {
		return cohortOf(enrollment).mapNotNull(Cohort::evaluatorId);
	}

	@Override
	public Mono<Void> checkFirstSubmission(Enrollment enrollment, Tier tier) {
		return cohortOf(enrollment).filter(cohort -> !cohort.acceptLate())
			.flatMap(cohort -> Mono.justOrEmpty(cohort.tierDue(tier.key()))
				.zipWith(Cohorts.zone(districts, cohort.districtId()))
				.filter(due -> !clock.instant().isBefore(Cohort.endOf(due.getT1(), due.getT2())))
				.flatMap(due -> Mono.<Void>error(new ProblemException(CohortProblem.PAST_DUE, "Past the due date",
						tier.title() + " was due on " + CohortReminders.longDate(due.getT1()) + ", and the cohort "
								+ cohort.name() + " does not accept late work. Ask your district administrator "
								+ "if you need more time.")
					.with("dueOn", due.getT1().toString()))))
			.then();
	}

}
