package org.cairn.credential;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The Open Badges 3.0 credential of one assertion, signed once and never edited: revocation reaches holders through
 * the issuer's revocation list, not by changing this.
 *
 * @param assertionId the 2.0 assertion's id, also the key: one credential per assertion
 * @param json the credential with its embedded proof, exactly as served
 * @param jwt the VC-JWT (compact JWS) of the same credential, signed on its first request (null until then)
 */
@Document("credentials_ob3")
record StoredCredential(@Id String assertionId, String districtId, @Indexed String personId, String issuerId,
		String json, String jwt, String rsaKeyId, String edKeyId, Instant issuedAt) {

	StoredCredential withJson(String value) {
		return new StoredCredential(assertionId, districtId, personId, issuerId, value, jwt, rsaKeyId, edKeyId,
				issuedAt);
	}

}
