package org.cairn.cohort;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code cairn.cohort.*}.
 *
 * @param reminderSweepMs how often each instance looks for cohort due dates whose reminders are due (a plain number
 * is milliseconds; {@code 10m} works too)
 */
@ConfigurationProperties("cairn.cohort")
record CohortProperties(@DefaultValue("10m") @DurationUnit(ChronoUnit.MILLIS) Duration reminderSweepMs) {
}
