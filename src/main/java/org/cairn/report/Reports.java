package org.cairn.report;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cairn.account.Person;
import org.cairn.account.PersonRepository;
import org.cairn.account.Role;
import org.cairn.award.Awards;
import org.cairn.enrollment.EnrollmentFigures;
import org.cairn.enrollment.EnrollmentFigures.StateRow;
import org.cairn.enrollment.EnrollmentState;
import org.cairn.enrollment.PinnedTemplates;
import org.cairn.evidence.EvidenceFigures;
import org.cairn.issuing.Assertions;
import org.cairn.report.TemplateReport.FunnelStep;
import org.cairn.report.TemplateReport.TierFigures;
import org.cairn.review.ReviewFigures;
import org.cairn.review.ReviewFigures.AttemptRow;
import org.cairn.review.SubmissionState;
import org.cairn.template.Alignment;
import org.cairn.template.Template;
import org.cairn.template.TemplateLookup;
import org.cairn.template.Tier;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Builds the reports from the query interfaces each feature publishes (template, enrollment, evidence, review,
 * award), never from their collections. The store does the filtering, unwinding and grouping (stages that behave the same on the
 * embedded server and on MongoDB); what is left, such as medians, is folded here from small projected rows, never
 * from whole documents.
 */
@Service
class Reports {

	static final String NOT_RECORDED = "Not recorded";

	/** Years-of-experience bands, lowest first: {label, lowest year, highest year}. */
	private static final List<Band> BANDS = List.of(new Band("0-2 years", 0, 2), new Band("3-5 years", 3, 5),
			new Band("6-10 years", 6, 10), new Band("11-20 years", 11, 20), new Band("21+ years", 21, Integer.MAX_VALUE));

	private final PinnedTemplates templates;

	private final TemplateLookup lookup;

	private final EnrollmentFigures enrollmentFigures;

	private final EvidenceFigures evidenceFigures;

	private final ReviewFigures reviewFigures;

	private final Awards awards;

	private final PersonRepository people;

	private final Assertions assertions;

	private final Clock clock;

	Reports(PinnedTemplates templates, TemplateLookup lookup, EnrollmentFigures enrollmentFigures,
			EvidenceFigures evidenceFigures, ReviewFigures reviewFigures, Awards awards, PersonRepository people,
			Assertions assertions, Clock clock) {
		this.assertions = assertions;
		this.templates = templates;
		this.lookup = lookup;
		this.enrollmentFigures = enrollmentFigures;
		this.evidenceFigures = evidenceFigures;
		this.reviewFigures = reviewFigures;
		this.awards = awards;
		this.people = people;
		this.clock = clock;
	}

	// --- per template --------------------------------------------------------------------------------------------

	Mono<TemplateReport> template(String districtId, String templateId) {
		return templates.get(districtId, templateId).flatMap(template -> lookup.versions(districtId, template.familyId())
			.collectList()
			.flatMap(versions -> {
				List<String> ids = versions.stream().map(TemplateLookup.Version::id).toList();
				return enrollmentFigures.states(districtId, ids).collectList().flatMap(rows -> Mono
					.zip(evidenceFigures.startedTiers(rows.stream().map(StateRow::enrollmentId).toList()),
							reviewFigures.attempts(districtId, ids).collectList())
					.map(t -> build(template, versions, rows, t.getT1(), t.getT2())));
			}));
	}

	private static boolean decided(AttemptRow row) {
		return row.outcome() != null && row.submittedAt() != null && row.decidedAt() != null;
	}

	private static double hoursToDecision(AttemptRow row) {
		return Duration.between(row.submittedAt(), row.decidedAt()).toSeconds() / 3600.0;
	}

	private TemplateReport build(Template template, List<TemplateLookup.Version> versions, List<StateRow> enrollmentRows,
			Map<String, Set<String>> startedByTier, List<AttemptRow> attempts) {
		Map<EnrollmentState, Long> byState = new HashMap<>();
		for (StateRow row : enrollmentRows) {
			byState.merge(row.state(), 1L, Long::sum);
		}
		TemplateReport.Enrollments enrollments = new TemplateReport.Enrollments(enrollmentRows.size(),
				count(byState, EnrollmentState.PROPOSING),
				count(byState, EnrollmentState.PROPOSED) + count(byState, EnrollmentState.APPROVING),
				count(byState, EnrollmentState.RETURNED), count(byState, EnrollmentState.DECLINED),
				count(byState, EnrollmentState.ACTIVE), count(byState, EnrollmentState.COMPLETED));

		List<TierFigures> tiers = new ArrayList<>();
		List<Double> allHours = new ArrayList<>();
		for (Tier tier : template.tiers()) {
			Set<String> started = new HashSet<>(startedByTier.getOrDefault(tier.key(), Set.of()));
			Set<String> submitted = new HashSet<>();
			Set<String> returned = new HashSet<>();
			Set<String> passed = new HashSet<>();
			Set<String> waiting = new HashSet<>();
			List<Double> hours = new ArrayList<>();
			for (AttemptRow row : attempts) {
				if (!row.tierKey().equals(tier.key())) {
					continue;
				}
				started.add(row.enrollmentId());
				submitted.add(row.enrollmentId());
				if ("RETURN".equals(row.outcome())) {
					returned.add(row.enrollmentId());
				}
				if (row.state() == SubmissionState.PASSED) {
					passed.add(row.enrollmentId());
				}
				if (row.state() == SubmissionState.SUBMITTED) {
					waiting.add(row.enrollmentId());
				}
				if (decided(row)) {
					hours.add(hoursToDecision(row));
				}
			}
			allHours.addAll(hours);
			tiers.add(new TierFigures(tier.key(), tier.title(), started.size(), submitted.size(), returned.size(),
					passed.size(), waiting.size(), hours.size(), median(hours)));
		}

		long total = enrollmentRows.size();
		List<FunnelStep> funnel = new ArrayList<>();
		funnel.add(step("Enrolled", total, total));
		funnel.add(step("Approved", enrollments.active() + enrollments.completed(), total));
		for (TierFigures tier : tiers) {
			funnel.add(step(tier.title() + ": submitted", tier.submitted(), total));
			funnel.add(step(tier.title() + ": passed", tier.passed(), total));
		}
		funnel.add(step("Completed", enrollments.completed(), total));

		List<Integer> versionNumbers = versions.stream()
			.map(TemplateLookup.Version::version)
			.sorted()
			.toList();
		return new TemplateReport(template.id(), template.familyId(), template.title(), versionNumbers, enrollments,
				tiers, median(allHours), funnel, clock.instant());
	}

	private static long count(Map<EnrollmentState, Long> byState, EnrollmentState state) {
		return byState.getOrDefault(state, 0L);
	}

	private static FunnelStep step(String name, long count, long enrolled) {
		return new FunnelStep(name, count, percent(count, enrolled));
	}

	static Double median(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int mid = sorted.size() / 2;
		double median = sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
		return Math.round(median * 100) / 100.0;
	}

	private static double percent(long part, long whole) {
		return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
	}

	// --- participation -------------------------------------------------------------------------------------------

	Mono<ParticipationReport> participation(String districtId) {
		Mono<List<Person>> teachers = people.findByDistrictId(districtId)
			.filter(p -> p.active() && p.has(Role.TEACHER))
			.collectList();
		Mono<Map<String, List<String>>> states = enrollmentFigures.statesByPerson(districtId);
		Mono<Map<String, Long>> passes = reviewFigures.passesByPerson(districtId);
		Mono<Map<String, Long>> stipends = enrollmentFigures.stipendCentsByPerson(districtId);
		return Mono.zip(teachers, states, passes, stipends).map(t -> {
			List<Standing> standings = t.getT1()
				.stream()
				.map(p -> Standing.of(p, t.getT2().getOrDefault(p.id(), List.of()), t.getT3().getOrDefault(p.id(), 0L),
						t.getT4().getOrDefault(p.id(), 0L)))
				.toList();
			Map<String, List<Standing>> bySchool = new TreeMap<>(Comparator
				.comparing((String name) -> name.equals(NOT_RECORDED))
				.thenComparing(String.CASE_INSENSITIVE_ORDER));
			for (Standing s : standings) {
				bySchool.computeIfAbsent(s.school(), k -> new ArrayList<>()).add(s);
			}
			Map<String, List<Standing>> byBand = new LinkedHashMap<>();
			BANDS.forEach(band -> byBand.put(band.label(), new ArrayList<>()));
			for (Standing s : standings) {
				byBand.computeIfAbsent(band(s.years()), k -> new ArrayList<>()).add(s);
			}
			return new ParticipationReport(group("District", standings), groups(bySchool), groups(byBand),
					clock.instant());
		});
	}

	/** What one teacher has done, reduced to what the report counts. */
	private record Standing(String school, Integer years, boolean enrolled, boolean earning, boolean passedATier,
			boolean completed, long stipendCents) {

		static Standing of(Person p, List<String> states, long passed, long stipendCents) {
			boolean enrolled = states.stream().anyMatch(s -> !s.equals(EnrollmentState.DECLINED.name()));
			boolean earning = states.contains(EnrollmentState.ACTIVE.name())
					|| states.contains(EnrollmentState.COMPLETED.name());
			String school = p.school() == null || p.school().isBlank() ? NOT_RECORDED : p.school().strip();
			return new Standing(school, p.yearsOfExperience(), enrolled, earning, passed > 0,
					states.contains(EnrollmentState.COMPLETED.name()), stipendCents);
		}

	}

	private record Band(String label, int from, int to) {
	}

	static String band(Integer years) {
		if (years == null || years < 0) {
			return NOT_RECORDED;
		}
		return BANDS.stream().filter(b -> years >= b.from() && years <= b.to()).findFirst().orElseThrow().label();
	}

	private static List<ParticipationReport.Group> groups(Map<String, List<Standing>> grouped) {
		return grouped.entrySet().stream().map(e -> group(e.getKey(), e.getValue())).toList();
	}

	private static ParticipationReport.Group group(String name, Collection<Standing> members) {
		long teachers = members.size();
		long enrolled = members.stream().filter(Standing::enrolled).count();
		return new ParticipationReport.Group(name, teachers, enrolled,
				members.stream().filter(Standing::earning).count(),
				members.stream().filter(Standing::passedATier).count(),
				members.stream().filter(Standing::completed).count(), teachers - enrolled, percent(enrolled, teachers),
				members.stream().mapToLong(Standing::stipendCents).sum());
	}

	// --- coverage ------------------------------------------------------------------------------------------------

	Mono<CoverageReport> coverage(String districtId) {
		Mono<List<Template>> published = lookup.published(districtId).collectList();
		Mono<Map<String, Long>> awards = this.awards.countsByTemplate(districtId);
		Mono<Map<String, Long>> held = assertions.currentCountsByTemplate(districtId);
		return Mono.zip(published, awards, held).flatMap(t -> {
			Set<String> awardedIds = new HashSet<>(t.getT2().keySet());
			awardedIds.addAll(t.getT3().keySet());
			Mono<List<Template>> awarded = awardedIds.isEmpty() ? Mono.just(List.of())
					: lookup.inDistrict(districtId, awardedIds).collectList();
			return awarded.map(awardedTemplates -> {
				Map<AlignmentKey, Tally> tallies = new TreeMap<>();
				for (Template template : t.getT1()) {
					for (Alignment a : template.alignments()) {
						tallies.computeIfAbsent(AlignmentKey.of(a), k -> new Tally(a.targetName()))
							.families()
							.add(template.familyId());
					}
				}
				for (Template template : awardedTemplates) {
					long count = t.getT2().getOrDefault(template.id(), 0L);
					long heldNow = t.getT3().getOrDefault(template.id(), 0L);
					for (Alignment a : template.alignments()) {
						tallies.computeIfAbsent(AlignmentKey.of(a), k -> new Tally(a.targetName())).add(count, heldNow);
					}
				}
				List<CoverageReport.Row> rows = tallies.entrySet()
					.stream()
					.map(e -> new CoverageReport.Row(e.getKey().framework(), e.getKey().code(), e.getValue().name(),
							e.getValue().families().size(), e.getValue().awards(), e.getValue().held()))
					.toList();
				return new CoverageReport(rows, clock.instant());
			});
		});
	}

	private record AlignmentKey(String framework, String code) implements Comparable<AlignmentKey> {

		static AlignmentKey of(Alignment a) {
			return new AlignmentKey(a.targetFramework() == null ? "" : a.targetFramework(),
					a.targetCode() != null ? a.targetCode() : a.targetName());
		}

		@Override
		public int compareTo(AlignmentKey other) {
			return Comparator.comparing(AlignmentKey::framework, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(AlignmentKey::code, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
				.compare(this, other);
		}

	}

	/** Mutable while folding one report; never leaves this class. */
	private static final class Tally {

		private final String name;

		private final Set<String> families = new HashSet<>();

		private long awards;

		private long held;

		Tally(String name) {
			this.name = name;
		}

		String name() {
			return name;
		}

		Set<String> families() {
			return families;
		}

		long awards() {
			return awards;
		}

		long held() {
			return held;
		}

		void add(long count, long heldNow) {
			awards += count;
			held += heldNow;
		}

	}

}
