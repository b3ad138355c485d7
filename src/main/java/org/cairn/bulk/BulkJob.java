package org.cairn.bulk;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A bulk award of one badge class to a list of recipients, split into {@link BulkChunk}s. Progress moves once per
 * chunk in one atomic update guarded by {@code completedChunks}, so counters stay exact with several workers, a
 * chunk finished twice (after a lost lease) counts once, and no transaction is needed.
 *
 * @param done recipients holding the badge through this job (newly issued or issued by an earlier run)
 * @param failed recipients that could not be awarded (see the chunk results); re-running the list retries them
 */
@Document("issuing_bulk_jobs")
record BulkJob(@Id String id, @Indexed String districtId, String badgeClassId, String createdBy, int total,
		int chunks, int done, int failed, List<Integer> completedChunks, Instant createdAt, Instant finishedAt) {

	BulkJob {
		completedChunks = completedChunks == null ? List.of() : List.copyOf(completedChunks);
	}

	enum Status {
		RUNNING, DONE
	}

	/** Derived from the counters, so a worker dying right after the last chunk cannot leave the job "running". */
	Status status() {
		return done + failed >= total ? Status.DONE : Status.RUNNING;
	}

}
