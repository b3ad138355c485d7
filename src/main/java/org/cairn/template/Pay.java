package org.cairn.template;

import java.time.LocalDate;

/**
 * What earning a tier pays the teacher, as districts pay for professional learning. The last tier's pay is what
 * earning the whole microcredential pays (passing it completes the microcredential).
 *
 * @param kind one-time stipend, base-salary increase, release time, course credit, or nothing
 * @param cents STIPEND: the amount; SALARY_INCREASE: the increase per year; RELEASE_TIME and COURSE_CREDIT: what the
 * district costs it at (substitute cover, tuition), 0 when not costed
 * @param fundingSource where it is paid from, one of the district's funding sources (Title II-A, Title I, State,
 * District, a grant)
 * @param effective SALARY_INCREASE: from when the increase applies
 * @param effectiveOn SALARY_INCREASE with {@code ON_DATE}: the date the district set
 * @param budgetYears SALARY_INCREASE: how many fiscal years approval commits (1 to 10; 3 when not set)
 * @param prorateFirstYear SALARY_INCREASE: the first fiscal year commits only the share from the effective date
 * @param quantity RELEASE_TIME: hours or days; COURSE_CREDIT: credits
 * @param releaseUnit RELEASE_TIME: hours or days
 * @param creditType COURSE_CREDIT: what kind of credit, e.g. "Graduate credit", "CEU"
 * @param grantingBody COURSE_CREDIT: who grants it, e.g. a university
 */
public record Pay(Kind kind, Long cents, String fundingSource, Effective effective, LocalDate effectiveOn,
		Integer budgetYears, Boolean prorateFirstYear, Double quantity, ReleaseUnit releaseUnit, String creditType,
		String grantingBody) {

	/** Commitment years when a salary increase does not say. */
	public static final int DEFAULT_BUDGET_YEARS = 3;

	public enum Kind {

		NONE, STIPEND, SALARY_INCREASE, RELEASE_TIME, COURSE_CREDIT

	}

	/** When a base-salary increase starts. */
	public enum Effective {

		/** The first day of the contract (fiscal) year after the one it is earned in. */
		NEXT_CONTRACT_YEAR,
		/** A date the district set (or the day it is earned, when that is later). */
		ON_DATE

	}

	public enum ReleaseUnit {

		HOURS, DAYS

	}

	/** Fields a client leaves out read as nothing: no amount, not prorated. */
	@com.fasterxml.jackson.annotation.JsonCreator
	@org.springframework.data.annotation.PersistenceCreator
	public Pay {
		kind = kind == null ? Kind.NONE : kind;
		cents = cents == null ? 0L : cents;
		prorateFirstYear = prorateFirstYear != null && prorateFirstYear;
	}

	public Pay(Kind kind, long cents, String fundingSource, Effective effective, LocalDate effectiveOn,
			Integer budgetYears, boolean prorateFirstYear, Double quantity, ReleaseUnit releaseUnit, String creditType,
			String grantingBody) {
		this(kind, Long.valueOf(cents), fundingSource, effective, effectiveOn, budgetYears,
				Boolean.valueOf(prorateFirstYear), quantity, releaseUnit, creditType, grantingBody);
	}

	public static Pay stipend(long cents, String fundingSource) {
		return new Pay(Kind.STIPEND, cents, fundingSource, null, null, null, false, null, null, null, null);
	}

	public static Pay nothing() {
		return new Pay(Kind.NONE, 0, null, null, null, null, false, null, null, null, null);
	}

	/** The fiscal years a salary increase commits. */
	public int budgetYearsOrDefault() {
		return budgetYears == null || budgetYears < 1 ? DEFAULT_BUDGET_YEARS : budgetYears;
	}

	/** Money the district spends or commits for this pay: a stipend, a salary increase or a costed value. */
	public boolean costsMoney() {
		return kind != Kind.NONE && cents > 0;
	}

	/** Whether HR records it rather than payroll (release time and course credit). */
	public boolean recordedByHr() {
		return kind == Kind.RELEASE_TIME || kind == Kind.COURSE_CREDIT;
	}

}
