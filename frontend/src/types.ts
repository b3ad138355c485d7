// The service's JSON shapes this app reads (a subset of each record's fields).
export interface Alignment { targetName: string; targetUrl?: string; targetDescription?: string; targetFramework?: string; targetCode?: string }
export interface Tags { subjects: string[]; gradeBands: string[]; topics: string[] }
export interface CatalogueItem {
  id: string; title: string; summary: string; artwork?: string; tags: Tags; alignments: Alignment[];
  proposalRequired: boolean; tierCount: number; totalStipendCents: number;
  tiers: Array<{ key: string; title: string; stipendCents: number; runningTotalCents: number; requirements: string[] }>;
}
export type Kind = 'REFLECTION' | 'VIDEO' | 'ARTIFACTS' | 'LINKS' | 'DATA' | 'PROPOSAL';
export interface CriterionPreview { key: string; name: string; levels: Array<{ level: string; descriptor: string }> }
export interface RequirementPreview { key: string; kind: Kind; title: string; prompt?: string; asks: string; toPass: string; criteria: CriterionPreview[] }
export interface TierPreview {
  key: string; title: string; description?: string; requires: string[]; awardedSeparately: boolean; stipendCents: number;
  runningTotalCents: number; fundingSource?: string; estimatedHours?: number; requirements: RequirementPreview[];
}
export interface Preview {
  id: string; familyId: string; version: number; status: string; title: string; summary: string; criteria?: string;
  artwork?: string; tags: Tags; alignments: Alignment[]; validFor?: string; proposalRequired: boolean; scale?: string;
  levels: string[]; totalStipendCents: number; tiers: TierPreview[];
}
export type EnrollmentState = 'PROPOSING' | 'PROPOSED' | 'APPROVING' | 'RETURNED' | 'DECLINED' | 'ACTIVE' | 'COMPLETED';
export interface Proposal { topic: string; sources: string[]; plan: string }
export interface Enrollment {
  id: string; personId: string; templateId: string; familyId: string; templateTitle: string; state: EnrollmentState;
  proposal?: Proposal; decisionComment?: string; committedCents: number; startedAt: string; proposedAt?: string; decidedAt?: string;
}
export interface Evidence {
  id: string; enrollmentId: string; tierKey: string; requirementKey: string; type: 'TEXT' | 'FILE' | 'LINK'; name: string;
  text?: string; wordCount?: number; url?: string; mediaType?: string; artifactKind?: string; sizeBytes?: number;
  submitted: boolean; isPublic: boolean; withdrawnAt?: string; updatedAt?: string;
}
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
export interface AssertionView {
  id: string; url: string; badgeClassUrl: string; personId: string; recipientEmail: string; recipientName?: string;
  tierKey?: string; issuedOn: string; expires?: string; revoked: boolean; revocationReason?: string;
  pngUrl: string; svgUrl: string; certificateUrl: string; jws?: string;
}
export interface BadgeClassDoc { id: string; name: string; description?: string; image?: string | { id: string }; criteria?: { id?: string; narrative?: string }; issuer?: string | { id: string; name?: string }; alignment?: Alignment[]; tags?: string[] }
