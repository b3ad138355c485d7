// The practice library's shapes, as org.cairn.practice answers them.
export type Audience = 'DISTRICT' | 'CAIRN' | 'PUBLIC';
export interface Tag { code: string; name: string }
export interface Piece {
  id: string; title: string; summary: string | null; kind: string; text: string | null; url: string | null;
  fileName: string | null; mediaType: string | null; sizeBytes: number | null; microcredential: string | null;
  templateId: string | null; tierTitle: string | null; requirementTitle: string | null; standards: Tag[]; clusters: Tag[];
  gradeBand: string; subject: string; author: string | null; districtName: string; sharedAt: string;
  audience: Audience | null; mine: boolean; saved: boolean; ownDistrict: boolean; contentUrl: string;
}
export interface Shareable {
  evidence: { id: string; templateTitle: string; tierKey: string; requirementKey: string; kind: string; name: string; passed: boolean; isPublic: boolean };
  shared: Piece | null;
}
export interface Facets { clusters: Tag[]; standards: Tag[]; gradeBands: string[]; subjects: string[] }
export interface ShareBody {
  title: string; summary: string; gradeBand: string; subject: string; anonymous: boolean; audience: Audience; noStudentFacesOrNames: boolean;
}
