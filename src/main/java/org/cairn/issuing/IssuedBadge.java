package org.cairn.issuing;

import java.time.Instant;
import java.util.List;

import org.cairn.openbadges.BadgeClass;
import org.cairn.openbadges.Evidence;
import org.cairn.openbadges.Profile;
import org.cairn.template.Template;

/**
 * An issued badge as other features see it: the assertion's facts, the 2.0 BadgeClass and issuer Profile exactly as
 * served, and the template version it was earned under (for what 2.0 has no field for, such as rubric levels).
 *
 * @param issuerId the issuer's public id
 * @param evidence the evidence published with the badge, as in the 2.0 assertion
 * @param renews the assertion id of the badge this one renews, or null
 */
public record IssuedBadge(String assertionId, String districtId, String issuerId, String personId,
		String recipientEmail, String recipientName, Instant issuedOn, Instant expires, Instant revokedAt,
		String revocationReason, String tierKey, BadgeClass badge, Profile issuer, Template template,
		List<Evidence> evidence, String renews) {

	public boolean revoked() {
		return revokedAt != null;
	}

}
