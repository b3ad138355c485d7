package org.cairn.platform;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The one set-up link of an installation without a platform administrator; only its hash is stored. */
@Document("setup_tokens")
record SetupToken(@Id String id, String tokenHash, Instant createdAt, Instant expiresAt) {

	static final String ID = "setup";

}
