package org.cairn.review;

import org.cairn.enrollment.Enrollment;
import org.cairn.template.Tier;
import reactor.core.publisher.Mono;

/**
 * What a programme an enrolment belongs to (a cohort) adds to review: the assessor it fixed, and whether a tier may
 * still be submitted. Review calls it without knowing the programme; a self-paced enrolment has neither rule.
 */
public interface SubmissionRules {

	/** The assessor the programme chose for this enrolment's work; empty when it chose none. */
	Mono<String> assessorOf(Enrollment enrollment);

	/**
	 * Completes when the tier may be submitted for the first time now; errors with a problem the teacher can read
	 * when the programme refuses it (past its due date in a cohort that takes no late work).
	 */
	Mono<Void> checkFirstSubmission(Enrollment enrollment, Tier tier);

}
