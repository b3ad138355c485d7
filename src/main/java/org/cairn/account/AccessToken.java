package org.cairn.account;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A personal access token for scripts ({@code Authorization: Bearer cairn_pat_...}); only its hash is kept. A token
 * stored before scopes existed has none and may only read.
 */
@Document("access_tokens")
record AccessToken(@Id String id, @Indexed(unique = true) String tokenHash, @Indexed String personId, String name,
		Set<TokenScope> scopes, Instant createdAt, Instant expiresAt) {
}
