package org.cairn.verification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One client's request count in one fixed window, shared by every instance through the store. The store drops the
 * document once the window has passed (TTL index).
 */
@Document("verification_rate_windows")
record RateWindow(@Id String id, int count, @Indexed(expireAfter = "0s") Instant expiresAt) {
}
