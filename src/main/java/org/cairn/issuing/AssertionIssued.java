package org.cairn.issuing;

/**
 * Published after an assertion is stored (one award, a reinstatement or a bulk chunk), so that other features can
 * issue what goes with it (the Open Badges 3.0 credential) without reaching into issuing. {@code inBulk}: one of
 * many stored together by a bulk award, so what goes with it may trail the job rather than compete with it.
 */
public record AssertionIssued(String assertionId, String districtId, boolean inBulk) {
}
