package org.cairn.plan;

import org.cairn.problem.ProblemType;

import org.springframework.http.HttpStatus;

/** Needs-assessment surveys and learning plans. */
enum PlanProblem implements ProblemType {

	/** The survey is not open: answers are taken only while it is. */
	SURVEY_NOT_OPEN("survey-not-open", HttpStatus.CONFLICT),

	/** The survey has opened: its questions no longer change. */
	SURVEY_FROZEN("survey-frozen", HttpStatus.CONFLICT),

	/** The plan is with the supervisor: it changes once they approve or return it. */
	PLAN_UNDER_REVIEW("plan-under-review", HttpStatus.CONFLICT),

	/** Nobody is named to approve this teacher's plan (or the only one named is the teacher). */
	NO_SUPERVISOR("no-supervisor", HttpStatus.CONFLICT),

	/** The plan is not waiting for a decision (already decided, or changed since it was opened). */
	PLAN_NOT_WAITING("plan-not-waiting", HttpStatus.CONFLICT);

	private final String slug;

	private final HttpStatus status;

	PlanProblem(String slug, HttpStatus status) {
		this.slug = slug;
		this.status = status;
	}

	@Override
	public String slug() {
		return slug;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

}
