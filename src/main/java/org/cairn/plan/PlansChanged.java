package org.cairn.plan;

/**
 * Something the needs report counts changed in a district: a survey answered, opened or closed, a plan's goals saved.
 * Published after the change is stored.
 */
public record PlansChanged(String districtId) {
}
