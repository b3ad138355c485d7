// The service's JSON shapes this feature reads (a subset of each record's fields).

export type EnrollmentState = 'PROPOSING' | 'PROPOSED' | 'APPROVING' | 'RETURNED' | 'DECLINED' | 'ACTIVE' | 'COMPLETED';
export interface Proposal { topic: string; sources: string[]; plan: string }
export interface Enrollment {
  id: string; personId: string; templateId: string; familyId: string; templateTitle: string; state: EnrollmentState;
  proposal?: Proposal; decisionComment?: string; committedCents: number; startedAt: string; proposedAt?: string; decidedAt?: string;
}
export interface Budget { fiscalYear: string; budgetCents: number; committedCents: number; paidCents: number; remainingCents: number }
