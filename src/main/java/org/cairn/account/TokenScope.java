package org.cairn.account;

/**
 * What a personal access token may do, chosen when it is created. A token never does more than its owner may; the
 * scope only narrows it. Reading needs {@link #READ}; every change needs {@link #ISSUE} or {@link #MANAGE} as
 * {@link TokenScopes} classifies it; creating tokens needs a browser session.
 */
public enum TokenScope {

	/** Every {@code GET}: badges, people, reports, the district's settings. */
	READ,
	/** Decide submissions (which awards badges), award in bulk, revoke and reinstate assertions. */
	ISSUE,
	/** Every other change: people and roles, district settings, webhooks, keys, templates, enrolments, evidence. */
	MANAGE

}
