package org.cairn.transcript;

import java.time.Instant;

import org.cairn.issuing.BadgeRecords.IssuedBadge;

/**
 * One badge as it counts on a transcript.
 *
 * @param name the badge's name as its BadgeClass carries it ("Title: Tier" for a tier badge)
 * @param credits what it counts toward license renewal, in the district's unit
 * @param fiscalYear the district fiscal year it was issued in, e.g. {@code FY2027}
 * @param renewed whether a later badge renews this one
 * @param renews the id of the badge this one renews, or null
 */
record CreditedBadge(IssuedBadge badge, String name, double credits, String fiscalYear, boolean expired,
		boolean renewed, String renews) {

	Instant issuedOn() {
		return badge.issuedOn();
	}

}
