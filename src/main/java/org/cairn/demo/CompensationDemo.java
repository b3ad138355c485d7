package org.cairn.demo;

import java.util.List;
import java.util.Set;

import org.cairn.account.CairnUser;
import org.cairn.template.Pay;
import org.cairn.template.Requirement;
import org.cairn.template.RequirementKind;
import org.cairn.template.RubricCriterion;
import org.cairn.template.RubricScale;
import org.cairn.template.Tags;
import org.cairn.template.Template;
import org.cairn.template.TemplateContent;
import org.cairn.template.TemplateStatus;
import org.cairn.template.TemplateTranslation;
import org.cairn.template.Templates;
import org.cairn.template.Tier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A Kettle Moraine-style salary credential (issue 19): the district authors "Competency Based Rubric Design", which
 * raises base salary by $400 a year from the next contract year (three fiscal years committed, District funds), and
 * Riley (teacher3) has earned it, so payroll shows a recurring increase and the budget the years ahead committed.
 * Authored with an idempotency key and played through the public services, so a restart changes nothing.
 */
@Component
@Order(27)
class CompensationDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(CompensationDemo.class);

	static final String TITLE = "Competency Based Rubric Design";

	/** Riley, by position in the demo's teachers. */
	private static final int TEACHER = 2;

	private final Templates templates;

	private final EarningDemo earning;

	CompensationDemo(Templates templates, EarningDemo earning) {
		this.templates = templates;
		this.earning = earning;
	}

	/** A plain badge: a gold circle with a check, the district's own artwork as a district would upload it. */
	private static final String ARTWORK = "data:image/svg+xml;base64," + java.util.Base64.getEncoder()
		.encodeToString(("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
				+ "<circle cx=\"50\" cy=\"50\" r=\"46\" fill=\"#8a5a00\"/>"
				+ "<path d=\"M30 52 L45 66 L72 36\" fill=\"none\" stroke=\"#fff\" stroke-width=\"8\"/></svg>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));

	static TemplateContent content() {
		RubricCriterion aligned = new RubricCriterion("aligned", "Criteria aligned to the competency",
				List.of("Not yet on track", "On track"));
		RubricCriterion levels = new RubricCriterion("levels", "Levels describe observable performance",
				List.of("Not yet on track", "On track"));
		Requirement reflection = new Requirement("reflection", RequirementKind.REFLECTION, "Reflection",
				"How did you design the rubric with your students, and what did their work show?", 250, 400, 60, 180,
				Set.of(), null, null, List.of(aligned, levels), null);
		Pay salary = new Pay(Pay.Kind.SALARY_INCREASE, 40_000, "District", Pay.Effective.NEXT_CONTRACT_YEAR, null, 3,
				false, null, null, null, null);
		Tier tier = new Tier("rubric", "A competency-based rubric in use", "Design a rubric with your students, use it "
				+ "for a unit, and reflect on what it showed.", List.of(), false, 0, "District", 10, null,
				List.of(reflection), salary);
		return new TemplateContent(TITLE, "Design and use a competency-based rubric. Earning it raises base salary "
				+ "by $400 a year from the next contract year.", "Evidence of a competency-based rubric designed and "
				+ "used with students.", ARTWORK, new Tags(List.of("All subjects"), List.of("K-12"), List.of("Assessment")),
				List.of(), null, RubricScale.twoLevel(), true, List.of(tier), null, SPANISH);
	}

	/** The district's Spanish wording, so a Spanish-speaking teacher reads this credential in Spanish too. */
	private static final TemplateTranslation SPANISH = new TemplateTranslation(
			"Diseño de rúbricas basadas en competencias",
			"Diseñe y use una rúbrica basada en competencias. Obtenerla aumenta el salario base en $400 al año a partir "
					+ "del próximo año de contrato.",
			"Evidencia de una rúbrica basada en competencias diseñada y usada con los estudiantes.",
			List.of(new TemplateTranslation.TierText("rubric", "Una rúbrica basada en competencias en uso",
					"Diseñe una rúbrica con sus estudiantes, úsela en una unidad y reflexione sobre lo que mostró.",
					List.of(new TemplateTranslation.RequirementText("reflection", "Reflexión",
							"¿Cómo diseñó la rúbrica con sus estudiantes y qué mostró su trabajo?")))));

	@Override
	public Mono<Void> seed(DemoDistrictSeeded event) {
		if (event.teacherIds().size() <= TEACHER) {
			return Mono.empty();
		}
		return templates.create(event.districtId(), content(), "demo-kettle-moraine-salary")
			.map(Templates.Outcome::template)
			.flatMap(t -> t.status() == TemplateStatus.DRAFT ? templates.publish(event.districtId(), t.id())
					: Mono.just(t))
			.flatMap(template -> Mono.zip(user(event.teacherIds().get(TEACHER)), user(event.adminId()))
				.flatMap(both -> earning.play(List.of(EarningDemo.Step.PASS), both.getT1(), both.getT2(), template)))
			.doOnSuccess(v -> log.info("Demo compensation: {} earned by teacher3 (a $400 yearly salary increase)",
					TITLE))
			.onErrorResume(e -> {
				log.warn("Demo compensation skipped: {}", e.toString());
				return Mono.empty();
			});
	}

	private Mono<CairnUser> user(String personId) {
		return earning.user(personId);
	}

}
