package org.cairn.keys;

import java.time.Instant;

/** The public side of a district signing key, as other features see it. */
public record SigningKey(String id, String districtId, int generation, String publicKeyPem, Instant createdAt,
		Instant revokedAt, String revocationReason) {

	public boolean revoked() {
		return revokedAt != null;
	}

}
