package org.cairn.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A verified address of a person besides their district email: one they proved they read (a personal address), or
 * their former district email after an administrator changed it. The address is the id, so it belongs to at most
 * one account on the whole platform; a pending address is not stored here (only its mailed link, in people).
 *
 * @param email the normalized address
 */
@Document("person_addresses")
public record EmailAddress(@Id String email, @Indexed String personId, String districtId, Kind kind,
		Instant verifiedAt) {

	public enum Kind {

		/** Added by the person and verified by a link mailed to it. */
		PERSONAL,
		/** The person's district email before an administrator changed it: badges issued to it stay theirs. */
		FORMER_DISTRICT

	}

}
