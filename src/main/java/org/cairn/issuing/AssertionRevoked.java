package org.cairn.issuing;

/**
 * Published when an administrator revokes an assertion, and again when a revocation is repeated (a retry after a
 * failure finishes what listeners left undone; they must be idempotent). Not published for a badge re-issued to
 * another address: the achievement stands under the new assertion.
 *
 * @param awardId the award the assertion was issued for; null for a bulk award
 * @param tierKey the tier awarded on its own; null for the whole microcredential
 */
public record AssertionRevoked(String assertionId, String districtId, String awardId, String personId,
		String templateId, String tierKey) {
}
