// The service's JSON shapes this feature reads (a subset of each record's fields).
import type { Pay } from '../pay/types';

export interface Alignment { targetName: string; targetUrl?: string; targetDescription?: string; targetFramework?: string; targetCode?: string }
export interface Tags { subjects: string[]; gradeBands: string[]; topics: string[] }
/** What the catalog's filters offer, how many are published and how many the filters match. */
export interface CatalogueFacets { total: number; matching: number; standards: string[]; clusters: string[]; subjects: string[]; gradeBands: string[] }

export interface CatalogueItem {
  id: string; title: string; summary: string; artwork?: string; tags: Tags; alignments: Alignment[];
  proposalRequired: boolean; tierCount: number; totalStipendCents: number;
  tiers: Array<{ key: string; title: string; stipendCents: number; runningTotalCents: number; requirements: string[]; pay?: Pay | null }>;
}
export type Kind = 'REFLECTION' | 'VIDEO' | 'ARTIFACTS' | 'LINKS' | 'DATA' | 'PROPOSAL';
export interface CriterionPreview { key: string; name: string; levels: Array<{ level: string; descriptor: string }> }
export interface RequirementPreview { key: string; kind: Kind; title: string; prompt?: string; asks: string; toPass: string; criteria: CriterionPreview[] }
export interface TierPreview {
  key: string; title: string; description?: string; requires: string[]; awardedSeparately: boolean; stipendCents: number;
  runningTotalCents: number; fundingSource?: string; estimatedHours?: number; credits?: number | null; requirements: RequirementPreview[];
  pay?: Pay | null;
}
export interface Preview {
  id: string; familyId: string; version: number; status: string; title: string; summary: string; criteria?: string;
  artwork?: string; tags: Tags; alignments: Alignment[]; validFor?: string; proposalRequired: boolean; scale?: string;
  levels: string[]; totalStipendCents: number; tiers: TierPreview[];
  /** How a teacher renews an expiring badge: a renewal tier, or every tier again (FULL). */
  renewal?: { kind: 'TIER' | 'FULL'; tier?: TierPreview | null } | null;
}
export interface Summary { id: string; familyId: string; version: number; status: string; title: string; libraryKey?: string; tierCount: number; totalStipendCents: number; publishedAt?: string }
export interface LibraryItem { key: string; origin: string; title: string; summary: string; tierCount: number; totalStipendCents: number }
