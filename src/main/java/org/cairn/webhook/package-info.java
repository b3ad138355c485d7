/**
 * Signed webhooks: districts' systems hear of issued and revoked assertions through an outbox delivered per district
 * lane, only to addresses the outbound policy allows.
 */
package org.cairn.webhook;
