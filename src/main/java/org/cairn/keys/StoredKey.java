package org.cairn.keys;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's signing key. {@code generation} is unique per district: two instances creating the first key (or
 * rotating) at once collide on the index and one of them wins; the newest unrevoked generation signs.
 *
 * @param sealedPrivateKey PKCS#8, sealed by {@link MasterKey}
 */
@Document("signing_keys")
@CompoundIndex(name = "district_generation", def = "{'districtId': 1, 'generation': 1}", unique = true)
record StoredKey(@Id String id, String districtId, int generation, String publicKeyPem, String sealedPrivateKey,
		Instant createdAt, Instant revokedAt, String revocationReason) {

	SigningKey toPublic() {
		return new SigningKey(id, districtId, generation, publicKeyPem, createdAt, revokedAt, revocationReason);
	}

}
