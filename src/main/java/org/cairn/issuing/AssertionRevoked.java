package org.cairn.issuing;

/** Published after an assertion is revoked (by an administrator, or as re-issued to another address). */
public record AssertionRevoked(String assertionId, String districtId) {
}
