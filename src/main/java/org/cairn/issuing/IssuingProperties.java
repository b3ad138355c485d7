package org.cairn.issuing;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code cairn.issuing.*} of issuing itself (webhooks and bulk awards have their own records under the same prefix).
 *
 * @param sweepMs how often awards still without an assertion are looked for (a plain number is milliseconds, as
 * the name always said; {@code 15s} works too)
 * @param cachePollMs how often the districts' generations are read, so changes made on another instance reach
 * this one's cached public documents
 */
@ConfigurationProperties("cairn.issuing")
record IssuingProperties(@DefaultValue("15s") @DurationUnit(ChronoUnit.MILLIS) Duration sweepMs,
		@DefaultValue("2s") @DurationUnit(ChronoUnit.MILLIS) Duration cachePollMs) {
}
