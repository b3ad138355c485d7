package org.cairn.keys;

import java.time.Instant;

/** The public side of a district's Ed25519 key, as other features see it. */
public record EdKey(String id, String districtId, int generation, String publicKeyMultibase, Instant createdAt,
		Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

}
