package org.cairn.issuing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One recipient of a bulk job; claimed by a worker with an expiring lease, so a crashed worker's items come back. */
@Document("issuing_bulk_items")
@CompoundIndex(name = "job_email", def = "{'jobId': 1, 'email': 1}", unique = true)
@CompoundIndex(name = "pending", def = "{'status': 1, 'claimedUntil': 1}")
record BulkItem(@Id String id, String jobId, String districtId, String badgeClassId, int index, String email,
		String name, Status status, String claimedBy, java.time.Instant claimedUntil, String assertionId,
		String error) {

	enum Status {
		PENDING, DONE, FAILED
	}

}
