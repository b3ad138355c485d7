package org.cairn.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A personal access token for scripts ({@code Authorization: Bearer cairn_pat_...}); only its hash is kept. */
@Document("access_tokens")
record AccessToken(@Id String id, @Indexed(unique = true) String tokenHash, @Indexed String personId, String name,
		Instant createdAt, Instant expiresAt) {
}
