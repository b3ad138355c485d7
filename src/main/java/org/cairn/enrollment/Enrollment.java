package org.cairn.enrollment;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A teacher working through one template version. Each change of state is a {@link Move} this aggregate allows
 * (the table is {@link EnrollmentState#canMoveTo}); {@code Enrollments} applies it as one conditional update guarded
 * by the move's starting states (never read-then-write), so a double click or two admins at once make one change.
 *
 * @param templateId the exact version started; later versions of the template do not affect it
 * @param activeKey {@code personId:familyId} while the enrolment counts, so a teacher holds one per
 * microcredential (unique); replaced by a unique tombstone when declined
 * @param budgetId the fiscal-year budget the stipends were committed against, once approved
 * @param committedCents what approval committed (the template's total stipend)
 * @param renewal set when this enrolment renews a badge: which one, and the badge it earns again; null otherwise
 * @param commitments what approval committed, per tier and fiscal year (a salary increase holds several years);
 * null for enrolments approved before pay had kinds (their stipends were committed against {@code budgetId})
 */
@Document("enrollments")
@CompoundIndex(name = "district_person", def = "{'districtId': 1, 'personId': 1}")
@CompoundIndex(name = "district_started", def = "{'districtId': 1, 'startedAt': 1}")
@CompoundIndex(name = "district_decided", def = "{'districtId': 1, 'decidedAt': -1}")
@CompoundIndex(name = "district_state_proposed", def = "{'districtId': 1, 'state': 1, 'proposedAt': 1}")
public record Enrollment(@Id String id, @Indexed String districtId, String personId, String templateId,
		String familyId, String templateTitle, @Indexed(unique = true) String activeKey, EnrollmentState state,
		Proposal proposal, String decisionComment, String decidedBy, String budgetId, long committedCents,
		Instant startedAt, Instant proposedAt, Instant decidedAt, Instant completedAt, Renewing renewal,
		java.util.List<Commitment> commitments) {

	/**
	 * What a renewal enrolment renews.
	 *
	 * @param assertionId the badge being renewed
	 * @param tierKey the tier of that badge (null for the whole microcredential's badge): passing issues it again
	 */
	public record Renewing(String assertionId, String tierKey) {
	}

	/** An enrolment with nothing committed yet. */
	public Enrollment(String id, String districtId, String personId, String templateId, String familyId,
			String templateTitle, String activeKey, EnrollmentState state, Proposal proposal, String decisionComment,
			String decidedBy, String budgetId, long committedCents, Instant startedAt, Instant proposedAt,
			Instant decidedAt, Instant completedAt, Renewing renewal) {
		this(id, districtId, personId, templateId, familyId, templateTitle, activeKey, state, proposal,
				decisionComment, decidedBy, budgetId, committedCents, startedAt, proposedAt, decidedAt, completedAt,
				renewal, null);
	}

	/** An ordinary enrolment (tests and older callers). */
	public Enrollment(String id, String districtId, String personId, String templateId, String familyId,
			String templateTitle, String activeKey, EnrollmentState state, Proposal proposal, String decisionComment,
			String decidedBy, String budgetId, long committedCents, Instant startedAt, Instant proposedAt,
			Instant decidedAt, Instant completedAt) {
		this(id, districtId, personId, templateId, familyId, templateTitle, activeKey, state, proposal,
				decisionComment, decidedBy, budgetId, committedCents, startedAt, proposedAt, decidedAt, completedAt,
				null);
	}

	@org.springframework.data.annotation.PersistenceCreator
	public Enrollment {
	}

	/** The same enrolment showing another title (its microcredential's in the reader's language); never stored. */
	public Enrollment titled(String title) {
		return new Enrollment(id, districtId, personId, templateId, familyId, title, activeKey, state, proposal,
				decisionComment, decidedBy, budgetId, committedCents, startedAt, proposedAt, decidedAt, completedAt,
				renewal, commitments);
	}

	/** Whether this enrolment renews a badge. */
	public boolean renews() {
		return renewal != null;
	}

	/** The tiers this enrolment works through: the template's, or its renewal path's. */
	public java.util.List<org.cairn.template.Tier> tiers(org.cairn.template.Template template) {
		return template.tiersFor(renews());
	}

	/** One of this enrolment's tiers. */
	public java.util.Optional<org.cairn.template.Tier> tier(org.cairn.template.Template template, String key) {
		return template.tier(key, renews());
	}

	/** Evidence may be added and tiers submitted. */
	public boolean isActive() {
		return state == EnrollmentState.ACTIVE;
	}

	/** Whether this enrolment, as it stands, may make the move. */
	public boolean allows(Move move) {
		return move.from().contains(state);
	}

	/** The changes of state the enrolment life cycle makes, each from the states it may start in. */
	public enum Move {

		/** The teacher submits (or resubmits) the proposal. */
		PROPOSE(EnrollmentState.PROPOSED, EnrollmentState.PROPOSING, EnrollmentState.RETURNED),
		/** An admin's approval claims the proposal while the budget is committed. */
		CLAIM_APPROVAL(EnrollmentState.APPROVING, EnrollmentState.PROPOSED),
		/** The budget is committed: evidence may follow. */
		ACTIVATE(EnrollmentState.ACTIVE, EnrollmentState.APPROVING),
		/** The budget refused the commitment: the proposal waits again. */
		RELEASE_CLAIM(EnrollmentState.PROPOSED, EnrollmentState.APPROVING),
		/** An admin sends the proposal back for changes. */
		RETURN(EnrollmentState.RETURNED, EnrollmentState.PROPOSED),
		/** An admin declines the proposal. */
		DECLINE(EnrollmentState.DECLINED, EnrollmentState.PROPOSED),
		/** The last tier passed. */
		COMPLETE(EnrollmentState.COMPLETED, EnrollmentState.ACTIVE);

		private final EnrollmentState to;

		private final Set<EnrollmentState> from;

		Move(EnrollmentState to, EnrollmentState first, EnrollmentState... more) {
			this.to = to;
			this.from = Collections.unmodifiableSet(EnumSet.of(first, more));
			for (EnrollmentState start : from) {
				if (!start.canMoveTo(to)) {
					throw new IllegalStateException(name() + ": " + start + " may not move to " + to);
				}
			}
		}

		public EnrollmentState to() {
			return to;
		}

		public Set<EnrollmentState> from() {
			return from;
		}

	}

}
