package org.cairn.people;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A single-use link mailed to an address: verifying an address a person added, confirming a district email an
 * administrator set, or signing a former teacher in. The id is the SHA-256 of the link's secret, so a copy of the
 * store opens nothing. Kept 30 days past expiry so a late click is told "expired", then removed by TTL.
 */
@Document("email_links")
record EmailLink(@Id String tokenHash, Purpose purpose, @Indexed String personId, String districtId, String email,
		Instant createdAt, @Indexed(expireAfter = "30d") Instant expiresAt, Instant usedAt) {

	enum Purpose {

		/** The person added the address; opening the link verifies it. */
		ADD_ADDRESS,
		/** An administrator changed the person's district email to this address; opening the link makes it so. */
		DISTRICT_EMAIL,
		/** A sign-in link mailed to a verified personal address. */
		SIGN_IN

	}

	boolean usable(Instant now) {
		return usedAt == null && expiresAt.isAfter(now);
	}

}
