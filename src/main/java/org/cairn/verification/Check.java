package org.cairn.verification;

/** One named check in a report. */
public record Check(CheckId id, Outcome outcome, String message) {
}
