package org.cairn.issuing;

/**
 * Published after an assertion is stored (one award, a reinstatement or a bulk chunk), so that other features can
 * issue what goes with it (the Open Badges 3.0 credential) without reaching into issuing.
 */
public record AssertionIssued(String assertionId, String districtId) {
}
