package org.cairn.issuing;

/**
 * Published when an assertion is revoked: by an administrator (again when a revocation is repeated, so a retry
 * finishes what listeners left undone; they must be idempotent), or as re-issued to another address, where the
 * achievement stands under the new assertion ({@code reissued}: counts move, nothing earned is withdrawn).
 *
 * @param awardId the award the assertion was issued for; null for a bulk award
 * @param tierKey the tier awarded on its own; null for the whole microcredential
 */
public record AssertionRevoked(String assertionId, String districtId, String awardId, String personId,
		String templateId, String tierKey, boolean reissued) {
}
