package org.cairn.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A district's webhook receiver. The secret is kept as is because every delivery is signed with it (HMAC), and is
 * shown to the admin once, when the endpoint is registered.
 */
@Document("issuing_webhooks")
record WebhookEndpoint(@Id String id, @Indexed String districtId, String url, String secret, Instant createdAt) {
}
