package org.cairn.cohort;

import java.util.ArrayList;
import java.util.List;

import org.cairn.problem.ProblemException;
import org.cairn.problem.ProblemException.FieldProblem;
import org.cairn.template.Template;
import org.cairn.template.TemplateProblem;
import org.cairn.template.TemplateStatus;
import org.cairn.template.Tier;

/**
 * What a new cohort's window and calendar must satisfy before it opens: a published microcredential, a window that
 * ends after it starts, each due date on a tier or task the microcredential has, within the window, once.
 */
final class CohortWindow {

	private CohortWindow() {
	}

	/** Every problem of the request, one per field, so the administrator fixes them all at once. */
	static List<FieldProblem> problems(Template template, Cohorts.NewCohort body) {
		List<FieldProblem> problems = new ArrayList<>();
		if (template.status() != TemplateStatus.PUBLISHED) {
			throw ProblemException.of(TemplateProblem.TEMPLATE_NOT_PUBLISHED, "template-not-published-5");
		}
		if (body.closesOn().isBefore(body.opensOn())) {
			problems.add(new FieldProblem("closesOn", "must be on or after the day the cohort opens"));
		}
		List<Deadline> deadlines = body.deadlines() == null ? List.of() : body.deadlines();
		for (int i = 0; i < deadlines.size(); i++) {
			Deadline d = deadlines.get(i);
			String field = "deadlines[" + i + "]";
			Tier tier = template.tier(d.tierKey()).orElse(null);
			if (tier == null) {
				problems.add(new FieldProblem(field + ".tierKey", "no such tier in " + template.title()));
				continue;
			}
			if (!d.forTier() && tier.requirements().stream().noneMatch(r -> r.key().equals(d.taskKey()))) {
				problems.add(new FieldProblem(field + ".taskKey", "no such task in " + tier.title()));
			}
			if (d.dueOn().isBefore(body.opensOn()) || d.dueOn().isAfter(body.closesOn())) {
				problems.add(new FieldProblem(field + ".dueOn", "must fall within the cohort's window"));
			}
			boolean twice = deadlines.subList(0, i).stream()
				.anyMatch(o -> o.tierKey().equals(d.tierKey()) && o.forTier() == d.forTier()
						&& (d.forTier() || o.taskKey().equals(d.taskKey())));
			if (twice) {
				problems.add(new FieldProblem(field, "this tier or task already has a due date"));
			}
		}
		if (body.reminderDays() != null && body.reminderDays().stream().anyMatch(d -> d == null || d < 1 || d > 60)) {
			problems.add(new FieldProblem("reminderDays", "each between 1 and 60 days before the due date"));
		}
		return problems;
	}

}
