package org.cairn.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.enrollment.EnrollmentFigures;
import org.cairn.issuing.Assertions;
import org.cairn.plan.NeedsFigures;
import org.cairn.plan.Targets;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Computes the needs report from the plan feature's {@link NeedsFigures}, enrolment and badge figures, and the
 * templates those name; which microcredential serves which need is the plan feature's rule ({@link Targets}).
 */
@Component
class NeedsReports {

	private final NeedsFigures needs;

	private final Targets targets;

	private final PersonRepository people;

	private final EnrollmentFigures enrollments;

	private final Assertions assertions;

	private final TemplateLookup templates;

	private final Clock clock;

	NeedsReports(NeedsFigures needs, Targets targets, PersonRepository people, EnrollmentFigures enrollments,
			Assertions assertions, TemplateLookup templates, Clock clock) {
		this.needs = needs;
		this.targets = targets;
		this.people = people;
		this.enrollments = enrollments;
		this.assertions = assertions;
		this.templates = templates;
		this.clock = clock;
	}

	Mono<NeedsReport> of(String districtId) {
		return needs.latest(districtId)
			.flatMap(n -> Mono.zip(people.findByDistrictId(districtId)
				.filter(p -> p.active() && !p.departed() && p.has(Role.TEACHER))
				.collectList(), enrollments.templatesByPerson(districtId), assertions.heldTemplatesByPerson(districtId))
				.flatMap(t -> {
					Set<String> ids = new HashSet<>();
					t.getT2().values().forEach(ids::addAll);
					t.getT3().values().forEach(ids::addAll);
					Mono<Map<String, Template>> named = ids.isEmpty() ? Mono.just(Map.of())
							: templates.inDistrict(districtId, ids).collectMap(Template::id);
					return named.map(byId -> build(n, t.getT1(), t.getT2(), t.getT3(), byId));
				}))
			.defaultIfEmpty(new NeedsReport(null, List.of(), List.of(), clock.instant()));
	}

	private NeedsReport build(NeedsFigures.Needs n, List<Person> teachers, Map<String, Set<String>> pursued,
			Map<String, Set<String>> held, Map<String, Template> byId) {
		List<NeedsReport.Need> list = n.top().stream().map(t -> new NeedsReport.Need(t.code(), t.label())).toList();
		List<NeedsReport.Row> rows = new ArrayList<>();
		Set<String> schoolsWithAnswers = new HashSet<>();
		for (NeedsFigures.Group g : n.groups()) {
			Set<String> schools = lower(g.schools());
			if (!"District".equals(g.name())) {
				schoolsWithAnswers.addAll(schools);
			}
			List<Person> members = "District".equals(g.name()) ? teachers
					: teachers.stream().filter(p -> schools.contains(school(p))).toList();
			rows.add(row(g.name(), g.schools(), members, g.respondents(), g.shown(), g.chosen(), list, n, pursued,
					held, byId));
		}
		// schools nobody there answered: nothing to hide, and what they pursue still counts
		teachers.stream().map(p -> p.school() == null || p.school().isBlank() ? "Not recorded" : p.school().strip())
			.distinct()
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.filter(s -> !schoolsWithAnswers.contains(s.toLowerCase(Locale.ROOT)))
			.forEach(s -> rows.add(row(s, List.of(s), teachers.stream().filter(p -> school(p).equals(
					s.toLowerCase(Locale.ROOT))).toList(), 0, true, Map.of(), list, n, pursued, held, byId)));
		return new NeedsReport(new NeedsReport.Survey(n.surveyId(), n.title(), n.schoolYear(), n.respondents(),
				n.minGroupSize()), list, rows, clock.instant());
	}

	private NeedsReport.Row row(String name, List<String> schools, List<Person> members, long respondents,
			boolean shown, Map<String, Long> chosen, List<NeedsReport.Need> list, NeedsFigures.Needs n,
			Map<String, Set<String>> pursued, Map<String, Set<String>> held, Map<String, Template> byId) {
		List<NeedsReport.Cell> cells = new ArrayList<>();
		for (NeedsReport.Need need : list) {
			Set<String> planners = n.planned().getOrDefault(need.code().toUpperCase(Locale.ROOT), Set.of());
			long planned = members.stream().filter(p -> planners.contains(p.id())).count();
			long pursuing = members.stream().filter(p -> serves(need.code(), pursued.get(p.id()), byId)).count();
			long earned = members.stream().filter(p -> serves(need.code(), held.get(p.id()), byId)).count();
			cells.add(new NeedsReport.Cell(need.code(), shown ? chosen.getOrDefault(need.code(), 0L) : null, planned,
					pursuing, earned));
		}
		return new NeedsReport.Row(name, schools, members.size(), respondents, shown, cells);
	}

	private boolean serves(String code, Set<String> templateIds, Map<String, Template> byId) {
		if (templateIds == null) {
			return false;
		}
		return templateIds.stream().map(byId::get).anyMatch(t -> t != null && targets.serving(code, t).isPresent());
	}

	private static String school(Person p) {
		return (p.school() == null || p.school().isBlank() ? "Not recorded" : p.school().strip()).toLowerCase(Locale.ROOT);
	}

	private static Set<String> lower(List<String> schools) {
		Set<String> out = new HashSet<>();
		schools.forEach(s -> out.add(s.toLowerCase(Locale.ROOT)));
		return out;
	}

}
