package org.cairn.evidence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A read of someone's evidence by another person (assessor, admin), kept for the district's admins. */
@Document("evidence_audit")
@CompoundIndex(name = "district_at", def = "{'districtId': 1, 'at': -1}")
record AuditEntry(@Id String id, String districtId, String actorId, String ownerId, String enrollmentId,
		String evidenceId, String action, String range, Instant at) {
}
