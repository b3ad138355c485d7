// The service's JSON shapes this feature reads (a subset of each record's fields).
import type { Preview, TierPreview } from '../template/types';

export type EnrollmentState = 'PROPOSING' | 'PROPOSED' | 'APPROVING' | 'RETURNED' | 'DECLINED' | 'ACTIVE' | 'COMPLETED';
export interface Proposal { topic: string; sources: string[]; plan: string }
export interface Enrollment {
  id: string; personId: string; templateId: string; familyId: string; templateTitle: string; state: EnrollmentState;
  proposal?: Proposal; decisionComment?: string; committedCents: number; startedAt: string; proposedAt?: string; decidedAt?: string;
  /** Set when the enrolment renews a badge (its tiers are the template's renewal path). */
  renewal?: { assertionId: string; tierKey?: string | null } | null;
}
export interface Budget { fiscalYear: string; budgetCents: number; committedCents: number; paidCents: number; remainingCents: number }

/** The tiers an enrolment works through: the template's, or for a renewal its renewal tier (or every tier again). */
export function tiersOf(e: Enrollment, t: Preview): TierPreview[] {
  if (!e.renewal) return t.tiers;
  return t.renewal?.kind === 'TIER' && t.renewal.tier ? [t.renewal.tier] : t.tiers;
}
