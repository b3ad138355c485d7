package org.cairn.bulk;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A slice of a bulk job (up to {@link BulkAwards#CHUNK_SIZE} recipients): the unit a worker claims, with
 * {@code findAndModify} and an expiring lease, so a worker that dies mid-way gives its chunk back when the lease runs
 * out. Claiming a chunk rather than single rows keeps the claim query cheap (the pending chunks of all jobs are few)
 * while several instances still share one job.
 *
 * @param id {@code <jobId>:<number>}
 * @param claimedBy a fresh token per claim: only the holder of the current claim may record the outcome
 * @param attempts how many times the chunk was claimed (more than one means a worker died or lost its lease)
 * @param results one per recipient, in order, once the chunk is done
 */
@Document("issuing_bulk_chunks")
@CompoundIndex(name = "claimable", def = "{'status': 1, 'claimedUntil': 1}")
record BulkChunk(@Id String id, String jobId, int number, String districtId, String badgeClassId,
		List<BulkAwards.Row> recipients, Status status, String claimedBy, Instant claimedUntil, int attempts,
		List<Result> results) {

	enum Status {
		PENDING, DONE
	}

	/** What happened to one recipient: the assertion (new, or the one already issued for this key) or an error. */
	record Result(String email, String assertionId, String error) {

		boolean failed() {
			return assertionId == null;
		}

	}

	static String id(String jobId, int number) {
		return jobId + ":" + number;
	}

}
