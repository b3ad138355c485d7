package org.cairn.issuing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A bulk award of one badge class to a list of recipients. Progress counters only move when an item changes state
 * through a conditional update, so they stay exact with several workers and after restarts.
 */
@Document("issuing_bulk_jobs")
record BulkJob(@Id String id, @Indexed String districtId, String badgeClassId, String createdBy, int total,
		int processed, int failed, Status status, Instant createdAt, Instant finishedAt) {

	enum Status {
		RUNNING, DONE
	}

}
