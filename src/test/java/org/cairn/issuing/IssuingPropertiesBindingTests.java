package org.cairn.issuing;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code -ms} properties became durations without changing a deployment: a plain number still means
 * milliseconds, and the defaults live in the record alone.
 */
class IssuingPropertiesBindingTests {

	@Test
	void theDefaultsAreTheRecordsOwn() {
		IssuingProperties issuing = bind(Map.of());
		assertThat(issuing.sweepMs()).isEqualTo(Duration.ofSeconds(15));
		assertThat(issuing.cachePollMs()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aPlainNumberIsStillMillisecondsAndAUnitOrIsoDurationWorksToo() {
		assertThat(bind(Map.of("cairn.issuing.cache-poll-ms", "250")).cachePollMs()).isEqualTo(Duration.ofMillis(250));
		assertThat(bind(Map.of("cairn.issuing.sweep-ms", "2000ms")).sweepMs()).isEqualTo(Duration.ofSeconds(2));
		assertThat(bind(Map.of("cairn.issuing.sweep-ms", "PT0.2S")).sweepMs()).isEqualTo(Duration.ofMillis(200));
	}

	private static IssuingProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("cairn.issuing",
				IssuingProperties.class);
	}

}
