package org.cairn.issuing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A counter per district bumped on every change that alters a cached public document (revocation, key rotation or
 * revocation, settings). Every instance polls these cheaply and drops the district's cached documents on change.
 */
@Document("issuing_generations")
record Generation(@Id String districtId, long counter) {
}
