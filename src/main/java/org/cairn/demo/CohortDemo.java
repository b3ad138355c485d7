package org.cairn.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import org.cairn.account.CairnUser;
import org.cairn.account.PersonRepository;
import org.cairn.cohort.Cohorts;
import org.cairn.cohort.Deadline;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A Derry Township-style cohort: Data-Informed Instruction for this school year, September to April, three sections
 * with a task due each month, evaluated by Avery Assessor (deliberately not the teachers' coach), with Jordan and
 * Riley enrolled; Riley's first section is in and passed, so the evaluator's month shows it. Late work is accepted
 * (the demo runs on any date). The first teacher and assessor1's waiting queue are left as they were, for the
 * browser journeys. Opening and enrolling are idempotent, so a restart adds nothing.
 */
@Component
@Order(25)
class CohortDemo implements DemoStep {

	static final String NAME = "Data-Informed Instruction (Derry-style cohort)";

	/** A task each month: the tasks of the three sections, and each section's own due date. */
	private static final List<Due> CALENDAR = List.of(new Due("section-1", "baseline-data", 9, 30),
			new Due("section-1", "smart-goal", 10, 30), new Due("section-1", null, 10, 31),
			new Due("section-2", "common-assessment", 11, 30), new Due("section-2", "checks-tracked", 12, 18),
			new Due("section-2", null, 1, 29), new Due("section-3", "action-plan", 2, 26),
			new Due("section-3", "environment-reflection", 3, 31), new Due("section-3", null, 4, 30));

	private record Due(String tier, String task, int month, int day) {
	}

	private final Cohorts cohorts;

	private final TemplateLookup templates;

	private final PersonRepository people;

	private final EarningDemo earning;

	private final Clock clock;

	CohortDemo(Cohorts cohorts, TemplateLookup templates, PersonRepository people, EarningDemo earning, Clock clock) {
		this.cohorts = cohorts;
		this.templates = templates;
		this.people = people;
		this.earning = earning;
		this.clock = clock;
	}

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		if (event.teacherIds().size() < 3 || event.assessorIds().isEmpty()) {
			return Mono.empty();
		}
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("America/Chicago")));
		int fall = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
		List<Deadline> deadlines = CALENDAR.stream()
			.map(d -> new Deadline(d.tier(), d.task(),
					MonthDay.of(d.month(), d.day()).atYear(d.month() >= 7 ? fall : fall + 1)))
			.toList();
		return Mono.zip(user(event.adminId()), templates.publishedFromLibrary(event.districtId(), "derry-data"))
			.flatMap(found -> {
				CairnUser admin = found.getT1();
				var template = found.getT2();
				return cohorts
					.open(admin, new Cohorts.NewCohort(NAME, template.id(), LocalDate.of(fall, 9, 1),
							LocalDate.of(fall + 1, 4, 30), deadlines, true, List.of(7, 1), event.assessorIds().get(0)))
					.flatMapMany(opened -> Flux.fromIterable(event.teacherIds().subList(1, 3))
						.concatMap(people::findById)
						.map(p -> p.email())
						.collectList()
						.flatMapMany(emails -> cohorts.enrol(admin, opened.cohort().id(), emails)))
					.then(user(event.teacherIds().get(2)))
					.flatMap(riley -> earning.play(List.of(EarningDemo.Step.PASS), riley, admin, template));
			});
	}

	private Mono<CairnUser> user(String personId) {
		return people.findById(personId)
			.map(p -> new CairnUser(p.id(), p.districtId(), p.email(), p.displayName(), p.roles(), p.platformAdmin(),
					false));
	}

}
