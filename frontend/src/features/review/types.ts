// The service's JSON shapes this feature reads (a subset of each record's fields).

export interface Score { requirementKey: string; criterionKey: string; level: number; feedback?: string }
export interface Attempt {
  number: number; submittedAt: string; evidenceIds: string[]; assessorId?: string; decidedAt?: string;
  outcome?: 'PASS' | 'RETURN'; scores: Score[]; comment?: string;
}
export interface Submission {
  id: string; enrollmentId: string; personId: string; templateId: string; templateTitle: string; tierKey: string;
  tierTitle: string; state: 'SUBMITTED' | 'RETURNED' | 'PASSED'; attempt: number; assessorId?: string;
  submittedAt: string; decidedAt?: string; attempts: Attempt[];
}
export interface QueueItem {
  submissionId: string; enrollmentId: string; personId: string; templateTitle: string; tierKey: string; tierTitle: string;
  attempt: number; submittedAt: string; ageHours: number;
}
