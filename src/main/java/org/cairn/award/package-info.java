/**
 * The hand-over from earning to issuing. Review records an {@link org.cairn.award.Award} when a tier or a whole
 * microcredential is passed (exactly once, keyed by {@code awardKey}) and publishes {@link org.cairn.award.AwardGranted};
 * issuing turns it into an Open Badges assertion and records the assertion id. Because the award is stored first,
 * an instance that dies between the two steps leaves work another instance can pick up (awards without an
 * assertion id).
 */
package org.cairn.award;
