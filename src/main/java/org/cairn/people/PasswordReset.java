package org.cairn.people;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A password-reset link; the id is the SHA-256 of its secret. Removed by TTL a day after it expires. */
@Document("password_resets")
record PasswordReset(@Id String tokenHash, @Indexed String personId, Instant createdAt,
		@Indexed(expireAfter = "1d") Instant expiresAt, Instant usedAt) {
}
