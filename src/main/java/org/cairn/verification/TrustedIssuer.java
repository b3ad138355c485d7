package org.cairn.verification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** An issuer a district recognises, by its Open Badges Profile id. One entry per district and issuer. */
@Document("trusted_issuers")
@CompoundIndex(name = "district_issuer", def = "{'districtId': 1, 'issuerId': 1}", unique = true)
record TrustedIssuer(@Id String id, String districtId, String issuerId, String name, String note, Instant createdAt) {
}
