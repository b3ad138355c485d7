package org.cairn.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A browser session, stored in MongoDB so any instance behind the load balancer can serve the next request. The id
 * is the SHA-256 of the cookie value; MongoDB's TTL index removes it when it expires.
 */
@Document("sessions")
record Session(@Id String tokenHash, @Indexed String personId, Instant createdAt,
		@Indexed(expireAfter = "0s") Instant expiresAt) {
}
