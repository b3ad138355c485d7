package org.cairn.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One district's turn at webhook delivery, leased in the shared store: one instance at a time delivers a district's
 * webhooks, at most {@code concurrencyPerDistrict} at once, so a district whose receiver fails slowly only ever
 * waits on itself. {@code servedAt} puts the least recently served district first when more are due than an
 * instance takes on at once.
 */
@Document("issuing_webhook_lanes")
record WebhookLane(@Id String districtId, Instant leasedUntil, String holder, Instant servedAt) {
}
