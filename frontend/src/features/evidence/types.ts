// The service's JSON shapes this feature reads (a subset of each record's fields).

export interface Evidence {
  id: string; enrollmentId: string; tierKey: string; requirementKey: string; type: 'TEXT' | 'FILE' | 'LINK'; name: string;
  text?: string; wordCount?: number; url?: string; mediaType?: string; artifactKind?: string; sizeBytes?: number;
  submitted: boolean; isPublic: boolean; withdrawnAt?: string; updatedAt?: string;
}
