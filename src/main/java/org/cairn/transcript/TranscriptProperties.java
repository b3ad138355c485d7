package org.cairn.transcript;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code cairn.transcript.*}.
 *
 * @param reminderSweepMs how often each instance looks for badges whose expiry reminders are due (a plain number is
 * milliseconds, as the name says; {@code 10m} works too)
 */
@ConfigurationProperties("cairn.transcript")
record TranscriptProperties(@DefaultValue("10m") @DurationUnit(ChronoUnit.MILLIS) Duration reminderSweepMs) {
}
