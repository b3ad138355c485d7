package org.cairn.sharing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A teacher's public portfolio switch, one per person (the id is the person id).
 *
 * @param slug opaque and unguessable; set once on first save and never changed, so a shared link keeps working
 * across off/on; it only resolves while {@code enabled}
 */
@Document("issuing_portfolios")
record PortfolioRecord(@Id String personId, String districtId, @Indexed(unique = true) String slug, boolean enabled,
		String headline, Instant updatedAt) {
}
