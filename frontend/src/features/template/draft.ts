// The template editor's pure logic, kept free of the DOM so it is unit-tested: the draft's shape, new parts, keys made
// from titles, durations as number + unit, and the validator's field paths and messages in a principal's words.
import type { Alignment, Kind } from './types';
import { t } from '../../core/i18n';
import type { Pay } from '../pay/types';
import { payFieldLabel } from '../pay/describe';

export interface Criterion { key: string; name: string; descriptors: string[] }
export interface Requirement {
  key: string; kind: Kind; title: string; prompt?: string | null; minWords?: number | null; maxWords?: number | null;
  minSeconds?: number | null; maxSeconds?: number | null; allowedKinds: string[]; minItems?: number | null; maxItems?: number | null;
  criteria: Criterion[]; passRule?: unknown;
}
export interface Tier {
  key: string; title: string; description?: string | null; requires: string[]; awardedSeparately: boolean; stipendCents: number;
  fundingSource?: string | null; estimatedHours?: number | null; credits?: number | null; requirements: Requirement[];
  /** What passing the tier pays (the last tier's: what earning the whole microcredential pays). */
  pay?: Pay | null;
}
export interface Scale { name: string; levels: string[]; passingLevel: number }
export interface Content {
  title: string; summary: string; criteria?: string | null; artwork?: string | null; tags: { subjects: string[]; gradeBands: string[]; topics: string[] };
  alignments: Alignment[]; validFor?: string | null; scale?: Scale | null; proposalRequired: boolean; tiers: Tier[];
  /** How a teacher renews an expiring badge: a renewal tier, or the whole microcredential again; null for none. */
  renewal?: Renewal | null;
  /** The district's Spanish wording, shown to readers who chose Spanish; every text optional. */
  es?: Translation | null;
}
/** Spanish texts by tier and requirement key, in the order of the tiers (the renewal tier last). */
export interface Translation {
  title?: string | null; summary?: string | null; criteria?: string | null;
  tiers: Array<{ key: string; title?: string | null; description?: string | null; requirements: Array<{ key: string; title?: string | null; prompt?: string | null }> }>;
}
export interface Renewal { kind: 'TIER' | 'FULL'; tier?: Tier | null }
export interface Problem { field: string; message: string }
export interface View { id: string; familyId: string; version: number; status: string; totalStipendCents: number; content: Content; problems: Problem[] }
export interface FrameworkSummary { code: string; name: string; edition?: string | null }
export interface Entry { code: string; name: string; group?: string; alsoKnownAs?: string[]; alignment: Alignment }

export const SCALES = (): Record<string, Scale> => ({
  two: { name: t('template.draft.twoLevel'), levels: [t('template.draft.notYet'), t('template.draft.onTrack')], passingLevel: 1 },
  four: { name: t('template.draft.danielson'), levels: [t('template.draft.unsatisfactory'), t('template.draft.basic'), t('template.draft.proficient'), t('template.draft.distinguished')], passingLevel: 2 },
});
export const KINDS = (): Array<[Kind, string]> => ([['REFLECTION', t('template.draft.reflection')], ['VIDEO', t('template.draft.video')], ['ARTIFACTS', t('template.draft.artifacts')],
  ['LINKS', t('template.draft.links')], ['DATA', t('template.draft.data')]]);
export const FILE_KINDS = (): Array<[string, string]> => ([['IMAGE', t('template.draft.images')], ['PDF', t('template.draft.pdfs')], ['VIDEO', t('template.draft.videos')], ['AUDIO', t('template.draft.audio')],
  ['DOCUMENT', t('template.draft.documents')], ['SPREADSHEET', t('template.draft.spreadsheets')], ['PRESENTATION', t('template.draft.presentations')], ['TEXT', t('template.draft.textFiles')]]);
/** The service's limit for artwork (Artwork.MAX_BYTES): checked here so a large file never costs the rest of the draft. */
export const MAX_ARTWORK_BYTES = 96 * 1024;

export function emptyContent(): Content {
  return {
    title: '', summary: '', criteria: '', artwork: null, tags: { subjects: [], gradeBands: [], topics: [] },
    alignments: [], validFor: null, scale: SCALES().two, proposalRequired: false, tiers: [newTier(0, SCALES().two)],
  };
}
export function newTier(i: number, scale: Scale): Tier {
  return { key: `tier-${i + 1}`, title: t('template.draft.tierN', { i: i + 1 }), description: '', requires: [], awardedSeparately: true, stipendCents: 0,
    fundingSource: null, estimatedHours: null, credits: null, requirements: [newRequirement(0, scale)], pay: { kind: 'STIPEND', cents: 0 } };
}
/** A renewal tier: shorter than the microcredential, its own requirements and rubric; its key is always "renewal". */
export function newRenewalTier(scale: Scale): Tier {
  return { ...newTier(0, scale), key: 'renewal', title: t('template.draft.renewal'), awardedSeparately: false };
}
export function newRequirement(i: number, scale: Scale): Requirement {
  return { key: `requirement-${i + 1}`, kind: 'REFLECTION', title: t('template.draft.reflectionTitle'), prompt: '', minWords: 250, maxWords: 350,
    minSeconds: null, maxSeconds: null, allowedKinds: [], minItems: null, maxItems: null, criteria: [newCriterion(0, scale)], passRule: null };
}
export function newCriterion(i: number, scale: Scale): Criterion {
  return { key: `criterion-${i + 1}`, name: '', descriptors: scale.levels.map(() => '') };
}

export const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
export const num = (v: string) => { const n = Number(v); return v.trim() === '' || !Number.isFinite(n) ? null : n; };

/** A key made from a title, unique among its siblings (`tier-2` style when the title has no letters). */
function keyFor(title: string, fallback: string, taken: Set<string>): string {
  const base = slug(title) || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base.slice(0, 36)}-${n}`;
  taken.add(key);
  return key;
}

/** Makes every key from its title before saving, carrying tier prerequisites over to the new keys. */
export function keysFromTitles(c: Content): void {
  const tierKeys = new Set<string>();
  const renamed = new Map<string, string>();
  c.tiers.forEach((tr, ti) => {
    const key = keyFor(tr.title, `tier-${ti + 1}`, tierKeys);
    renamed.set(tr.key, key);
    tr.key = key;
    const reqKeys = new Set<string>();
    tr.requirements.forEach((r, ri) => {
      r.key = keyFor(r.title, `requirement-${ri + 1}`, reqKeys);
      const critKeys = new Set<string>();
      r.criteria.forEach((cr, ci) => { cr.key = keyFor(cr.name, `criterion-${ci + 1}`, critKeys); });
    });
  });
  for (const tr of c.tiers) tr.requires = tr.requires.map((k) => renamed.get(k) ?? k);
  const renewal = c.renewal?.kind === 'TIER' ? c.renewal.tier : null;
  if (renewal) {
    renewal.key = 'renewal';
    const reqKeys = new Set<string>();
    renewal.requirements.forEach((r, ri) => {
      r.key = keyFor(r.title, `requirement-${ri + 1}`, reqKeys);
      const critKeys = new Set<string>();
      r.criteria.forEach((cr, ci) => { cr.key = keyFor(cr.name, `criterion-${ci + 1}`, critKeys); });
    });
  }
}

// ---- durations: a number and a unit, stored as an ISO period (P3Y) because that is the Open Badges contract
export type Unit = 'Y' | 'M' | 'D' | 'W';
export function parsePeriod(iso: string | null | undefined): { amount: number; unit: Unit } | null {
  const m = iso?.match(/^P(\d+)([YMWD])$/);
  return m ? { amount: Number(m[1]), unit: m[2] as Unit } : null;
}
export function toPeriod(amount: number | null, unit: Unit): string | null {
  return amount && amount > 0 && Number.isInteger(amount) ? `P${amount}${unit}` : null;
}

// ---- problems in plain words: the API names fields by JSON path; a principal reads "Tier 2 “Practice” › Prompt".
const LABELS = (): Record<string, string> => ({
  title: t('template.draft.title'), summary: t('template.draft.summary'), criteria: t('template.draft.criteria'), artwork: t('template.draft.artwork'), validFor: t('template.draft.validFor'),
  scale: t('template.draft.scale'), 'scale.levels': t('template.draft.levels'), tiers: t('template.draft.tiers'), alignments: t('template.draft.alignments'), description: t('template.draft.description'),
  requires: t('template.draft.requires'), stipendCents: t('template.draft.stipend'), estimatedHours: t('template.draft.estimatedHours'), credits: t('template.draft.credits'), fundingSource: t('template.draft.fundingSource'),
  requirements: t('template.draft.requirements'), kind: t('template.draft.kind'), prompt: t('template.draft.prompt'), minWords: t('template.draft.minWords'),
  maxWords: t('template.draft.maxWords'), minSeconds: t('template.draft.minSeconds'), maxSeconds: t('template.draft.maxSeconds'), minItems: t('template.draft.minItems'),
  maxItems: t('template.draft.maxItems'), allowedKinds: t('template.draft.acceptedFiles'), name: t('template.draft.name'), key: t('template.draft.title'), descriptors: t('template.draft.descriptors'),
  targetCode: t('template.draft.standard'), targetName: t('template.draft.standard'), targetUrl: t('template.draft.standardLink'), renewal: t('template.draft.renewal'),
  es: t('templateSpanish.legend'),
});
export function describeField(path: string, c: Content): string {
  const parts: string[] = [];
  let tier: Tier | undefined; let req: Requirement | undefined;
  for (const seg of path.split('.')) {
    const m = seg.match(/^(\w+)((?:\[\d+\])*)$/);
    if (!m) { parts.push(seg); continue; }
    const [, name, idx] = m;
    const i = idx ? Number(idx.match(/\[(\d+)\]/)![1]) : null;
    if (name === 'tiers' && i !== null) { tier = c.tiers[i] ?? (c.renewal?.tier ?? undefined); parts.push(t('template.draft.tierPart', { i: i + 1, title: tier?.title ? ` “${tier.title}”` : '' })); }
    else if (name === 'tier' && i === null && parts.at(-1) === t('template.draft.renewal')) { tier = c.renewal?.tier ?? undefined; parts.push(t('template.draft.renewalTier')); }
    else if (name === 'requirements' && i !== null) { req = tier?.requirements[i]; parts.push(t('template.draft.requirementPart', { i: i + 1, title: req?.title ? ` “${req.title}”` : '' })); }
    else if (name === 'criteria' && i !== null && tier) parts.push(t('template.draft.criterionPart', { i: i + 1, name: req?.criteria[i]?.name ? ` “${req.criteria[i].name}”` : '' }));
    else if (name === 'descriptors' && i !== null) parts.push(t('template.draft.descriptionFor', { i: c.scale?.levels[i] ?? t('template.draft.levelN', { n: i + 1 }) }));
    else if (name === 'alignments' && i !== null) parts.push(t('template.draft.standardN', { i: i + 1 }));
    else parts.push(LABELS()[name] ?? payFieldLabel(name) ?? name);
  }
  return parts.join(' › ');
}
export function plainMessage(message: string): string {
  return message
    .replace(/^is required(: .*)?$/, t('template.draft.missing'))
    .replace(/^must be at least (\d+) characters$/, t('template.draft.minChars'))
    .replace(/^must be at most (\d+) characters$/, t('template.draft.maxChars'))
    .replace(/^must be 1-40 lowercase letters.*$/, t('template.draft.keyTitle'))
    .replace(/^a reflection needs minWords and maxWords$/, t('template.draft.minMaxWords'))
    .replace(/^a video needs minSeconds and maxSeconds$/, t('template.draft.minMaxSeconds'))
    .replace(/^name at least one kind of file to accept$/, t('template.draft.fileKinds'))
    .replace(/^needs at least one rubric criterion$/, t('template.draft.criterion'))
    .replace(/^is (\d+) bytes; the limit is (\d+)$/, (_, a: string, b: string) => t('template.draft.kb', { a: Math.round(Number(a) / 1024), b: Math.round(Number(b) / 1024) }));
}

