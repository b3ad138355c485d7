/**
 * The hand-over from earning to issuing. When a tier or a whole microcredential is passed, review hands the pass to
 * {@link org.cairn.award.Awards#grant}, which records an {@link org.cairn.award.Award} (exactly once, keyed by
 * {@code awardKey}) and publishes {@link org.cairn.award.AwardGranted}; issuing claims it through
 * {@link org.cairn.award.Awards}, turns it into an Open Badges assertion and links the assertion id. Because the award is stored first,
 * an instance that dies between the two steps leaves work another instance can pick up (awards without an
 * assertion id).
 */
package org.cairn.award;
