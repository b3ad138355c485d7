package org.cairn.issuing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowHttpLoopbackWebhooks accept {@code http://127.0.0.1...} webhook URLs (tests and local demos only);
 * otherwise webhooks must be https
 */
@ConfigurationProperties("cairn.issuing")
record IssuingProperties(boolean allowHttpLoopbackWebhooks) {
}
