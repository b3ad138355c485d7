package org.cairn.people;

import java.time.Instant;

/** Response shapes as a client reads them. */
final class PeopleResponses {

	private PeopleResponses() {
	}

	record Invited(PersonView person, Instant invitationExpiresAt) {
	}

}
