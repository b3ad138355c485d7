package org.cairn.keys;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's Ed25519 key for Open Badges 3.0 Data Integrity proofs; like {@link StoredKey}, one generation per
 * district is unique and the private part is sealed by {@link MasterKey}.
 *
 * @param publicKeyMultibase the Multikey form of the public key ({@code z6Mk...})
 * @param sealedPrivateKey PKCS#8, sealed
 */
@Document("signing_keys_ed25519")
@CompoundIndex(name = "district_generation", def = "{'districtId': 1, 'generation': 1}", unique = true)
record StoredEdKey(@Id String id, String districtId, int generation, String publicKeyMultibase,
		String sealedPrivateKey, Instant createdAt, Instant revokedAt) {

	EdKey toPublic() {
		return new EdKey(id, districtId, generation, publicKeyMultibase, createdAt, revokedAt);
	}

}
