package org.cairn.notification;

/**
 * The web app's pages that notices and mails link to, in one place, so a link in a mail always opens a page the app
 * has ({@code frontend/src/features/<feature>/routes.ts}). A signed-out reader is sent to sign in and then lands on
 * the page.
 */
public final class AppLinks {

	private AppLinks() {
	}

	/** A teacher's enrollment: its state, the proposal and the district's comment, the tiers. */
	public static String enrollment(String enrollmentId) {
		return "/my/enrollments/" + enrollmentId;
	}

	/** A teacher's workspace for one tier: the assessor's feedback per criterion, resubmission. */
	public static String tier(String enrollmentId, String tierKey) {
		return enrollment(enrollmentId) + "/tiers/" + tierKey;
	}

	/** An assessor's review of one submission. */
	public static String review(String submissionId) {
		return "/reviews/" + submissionId;
	}

	/** A learning plan as its supervisor reads and decides it. */
	public static String plan(String planId) {
		return "/plans/" + planId;
	}

	/** The teacher's own learning plan. */
	public static String myPlan() {
		return "/my/plan";
	}

}
