package org.cairn.bulk;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cairn.issuing.bulk-*} keep their names and meaning: a plain poll interval is milliseconds. */
class BulkPropertiesBindingTests {

	@Test
	void theDefaultsAreTheRecordsOwn() {
		BulkProperties bulk = bind(Map.of());
		assertThat(bulk.bulkConcurrency()).isEqualTo(4);
		assertThat(bulk.bulkPollMs()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void theTestSuitesHourLongPollStillBinds() {
		BulkProperties bulk = bind(Map.of("cairn.issuing.bulk-poll-ms", "3600000", "cairn.issuing.bulk-concurrency",
				"8"));
		assertThat(bulk.bulkPollMs()).isEqualTo(Duration.ofHours(1));
		assertThat(bulk.bulkConcurrency()).isEqualTo(8);
	}

	private static BulkProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("cairn.issuing",
				BulkProperties.class);
	}

}
