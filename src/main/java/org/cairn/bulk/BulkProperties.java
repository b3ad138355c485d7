package org.cairn.bulk;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code cairn.issuing.bulk-*}: how bulk awards are worked through (the names stay under {@code cairn.issuing}, where
 * deployments set them before bulk awards had a feature of their own).
 *
 * @param bulkConcurrency recipients of one chunk issued at the same time
 * @param bulkPollMs how often this instance looks for chunks to claim (a plain number is milliseconds; {@code 1s}
 * works too)
 */
@ConfigurationProperties("cairn.issuing")
record BulkProperties(@DefaultValue("4") int bulkConcurrency,
		@DefaultValue("1s") @DurationUnit(ChronoUnit.MILLIS) Duration bulkPollMs) {
}
