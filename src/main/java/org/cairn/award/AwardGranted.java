package org.cairn.award;

/** Published (as a Spring application event) after an {@link Award} is stored. */
public record AwardGranted(String awardId) {
}
