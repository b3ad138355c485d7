package org.cairn.webhook;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook settings keep their names and defaults; the poll interval became a duration. */
class WebhookPropertiesBindingTests {

	@Test
	void theDefaultsAreTheRecordsOwn() {
		WebhookProperties webhooks = bind(Map.of());
		assertThat(webhooks.webhookPollMs()).isEqualTo(Duration.ofSeconds(1));
		assertThat(webhooks.webhooks().timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(webhooks.webhooks().concurrencyPerDistrict()).isEqualTo(4);
		assertThat(webhooks.allowHttpLoopbackWebhooks()).isFalse();
	}

	@Test
	void aPlainPollIntervalIsStillMilliseconds() {
		assertThat(bind(Map.of("cairn.issuing.webhook-poll-ms", "200")).webhookPollMs())
			.isEqualTo(Duration.ofMillis(200));
	}

	private static WebhookProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("cairn.issuing",
				WebhookProperties.class);
	}

}
