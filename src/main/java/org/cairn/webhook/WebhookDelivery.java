package org.cairn.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one endpoint: the outbox row a worker delivers, with retries and backoff.
 *
 * @param key unique {@code endpointId:eventType:subjectId}, so an event enqueued twice is delivered once
 * @param lastError the last failure's {@link WebhookFailure} words, never an exception's text
 */
@Document("issuing_webhook_deliveries")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "district_due", def = "{'districtId': 1, 'status': 1, 'nextAttemptAt': 1}") })
record WebhookDelivery(@Id String id, @Indexed(unique = true) String key, String districtId, String endpointId,
		String eventType, String body, Status status, int attempts, Instant nextAttemptAt, Instant claimedUntil,
		Integer lastStatus, String lastError, Instant deliveredAt, Instant createdAt) {

	enum Status {
		PENDING, DELIVERED, FAILED
	}

}
