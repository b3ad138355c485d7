package org.cairn.people;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one live invitation of a person who has not joined yet. Keyed by the person, so inviting again replaces the
 * link (the old one stops working). Only the link secret's hash is stored. Kept 30 days past expiry so a late click
 * is told "expired" rather than "unknown", then MongoDB's TTL index removes it.
 */
@Document("invitations")
record Invitation(@Id String personId, @Indexed(unique = true) String tokenHash, String districtId, String email,
		String invitedBy, Instant createdAt, @Indexed(expireAfter = "30d") Instant expiresAt, Instant acceptedAt) {
}
