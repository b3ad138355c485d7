// The template editor's pure logic, kept free of the DOM so it is unit-tested: the draft's shape, new parts, keys made
// from titles, durations as number + unit, and the validator's field paths and messages in a principal's words.
import type { Alignment, Kind } from './types';

export interface Criterion { key: string; name: string; descriptors: string[] }
export interface Requirement {
  key: string; kind: Kind; title: string; prompt?: string | null; minWords?: number | null; maxWords?: number | null;
  minSeconds?: number | null; maxSeconds?: number | null; allowedKinds: string[]; minItems?: number | null; maxItems?: number | null;
  criteria: Criterion[]; passRule?: unknown;
}
export interface Tier {
  key: string; title: string; description?: string | null; requires: string[]; awardedSeparately: boolean; stipendCents: number;
  fundingSource?: string | null; estimatedHours?: number | null; credits?: number | null; requirements: Requirement[];
}
export interface Scale { name: string; levels: string[]; passingLevel: number }
export interface Content {
  title: string; summary: string; criteria?: string | null; artwork?: string | null; tags: { subjects: string[]; gradeBands: string[]; topics: string[] };
  alignments: Alignment[]; validFor?: string | null; scale?: Scale | null; proposalRequired: boolean; tiers: Tier[];
  /** How a teacher renews an expiring badge: a renewal tier, or the whole microcredential again; null for none. */
  renewal?: Renewal | null;
}
export interface Renewal { kind: 'TIER' | 'FULL'; tier?: Tier | null }
export interface Problem { field: string; message: string }
export interface View { id: string; familyId: string; version: number; status: string; totalStipendCents: number; content: Content; problems: Problem[] }
export interface FrameworkSummary { code: string; name: string; edition?: string | null }
export interface Entry { code: string; name: string; group?: string; alsoKnownAs?: string[]; alignment: Alignment }

export const SCALES: Record<string, Scale> = {
  two: { name: 'Two-level', levels: ['Not yet on track', 'On track'], passingLevel: 1 },
  four: { name: 'Danielson four-level', levels: ['Unsatisfactory', 'Basic', 'Proficient', 'Distinguished'], passingLevel: 2 },
};
export const KINDS: Array<[Kind, string]> = [['REFLECTION', 'Written reflection'], ['VIDEO', 'Video'], ['ARTIFACTS', 'Files (lesson plans, student work)'],
  ['LINKS', 'Links'], ['DATA', 'Data (spreadsheets, charts)']];
export const FILE_KINDS: Array<[string, string]> = [['IMAGE', 'images'], ['PDF', 'PDFs'], ['VIDEO', 'videos'], ['AUDIO', 'audio'],
  ['DOCUMENT', 'documents'], ['SPREADSHEET', 'spreadsheets'], ['PRESENTATION', 'presentations'], ['TEXT', 'text files']];
/** The service's limit for artwork (Artwork.MAX_BYTES): checked here so a large file never costs the rest of the draft. */
export const MAX_ARTWORK_BYTES = 96 * 1024;

export function emptyContent(): Content {
  return {
    title: '', summary: '', criteria: '', artwork: null, tags: { subjects: [], gradeBands: [], topics: [] },
    alignments: [], validFor: null, scale: SCALES.two, proposalRequired: false, tiers: [newTier(0, SCALES.two)],
  };
}
export function newTier(i: number, scale: Scale): Tier {
  return { key: `tier-${i + 1}`, title: `Tier ${i + 1}`, description: '', requires: [], awardedSeparately: true, stipendCents: 0,
    fundingSource: null, estimatedHours: null, credits: null, requirements: [newRequirement(0, scale)] };
}
/** A renewal tier: shorter than the microcredential, its own requirements and rubric; its key is always "renewal". */
export function newRenewalTier(scale: Scale): Tier {
  return { ...newTier(0, scale), key: 'renewal', title: 'Renewal', awardedSeparately: false };
}
export function newRequirement(i: number, scale: Scale): Requirement {
  return { key: `requirement-${i + 1}`, kind: 'REFLECTION', title: 'Reflection', prompt: '', minWords: 250, maxWords: 350,
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
  c.tiers.forEach((t, ti) => {
    const key = keyFor(t.title, `tier-${ti + 1}`, tierKeys);
    renamed.set(t.key, key);
    t.key = key;
    const reqKeys = new Set<string>();
    t.requirements.forEach((r, ri) => {
      r.key = keyFor(r.title, `requirement-${ri + 1}`, reqKeys);
      const critKeys = new Set<string>();
      r.criteria.forEach((cr, ci) => { cr.key = keyFor(cr.name, `criterion-${ci + 1}`, critKeys); });
    });
  });
  for (const t of c.tiers) t.requires = t.requires.map((k) => renamed.get(k) ?? k);
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
const LABELS: Record<string, string> = {
  title: 'Title', summary: 'Summary', criteria: 'What earners must show', artwork: 'Badge artwork', validFor: 'Valid for',
  scale: 'Rubric scale', 'scale.levels': 'Rubric levels', tiers: 'Tiers', alignments: 'Standards', description: 'Description',
  requires: 'Earlier tiers needed first', stipendCents: 'Stipend', estimatedHours: 'Estimated hours', credits: 'Credits', fundingSource: 'Funding source',
  requirements: 'Requirements', kind: 'What teachers submit', prompt: 'Prompt to the teacher', minWords: 'Minimum words',
  maxWords: 'Maximum words', minSeconds: 'Minimum video length', maxSeconds: 'Maximum video length', minItems: 'Minimum number of items',
  maxItems: 'Maximum number of items', allowedKinds: 'Accepted files', name: 'Name', key: 'Title', descriptors: 'Level descriptions',
  targetCode: 'Standard', targetName: 'Standard', targetUrl: 'Standard link', renewal: 'Renewal',
};
export function describeField(path: string, c: Content): string {
  const parts: string[] = [];
  let tier: Tier | undefined; let req: Requirement | undefined;
  for (const seg of path.split('.')) {
    const m = seg.match(/^(\w+)((?:\[\d+\])*)$/);
    if (!m) { parts.push(seg); continue; }
    const [, name, idx] = m;
    const i = idx ? Number(idx.match(/\[(\d+)\]/)![1]) : null;
    if (name === 'tiers' && i !== null) { tier = c.tiers[i]; parts.push(`Tier ${i + 1}${tier?.title ? ` “${tier.title}”` : ''}`); }
    else if (name === 'tier' && i === null && parts.at(-1) === 'Renewal') { tier = c.renewal?.tier ?? undefined; parts.push('Renewal tier'); }
    else if (name === 'requirements' && i !== null) { req = tier?.requirements[i]; parts.push(`Requirement ${i + 1}${req?.title ? ` “${req.title}”` : ''}`); }
    else if (name === 'criteria' && i !== null && tier) parts.push(`Criterion ${i + 1}${req?.criteria[i]?.name ? ` “${req.criteria[i].name}”` : ''}`);
    else if (name === 'descriptors' && i !== null) parts.push(`Description for “${c.scale?.levels[i] ?? `level ${i + 1}`}”`);
    else if (name === 'alignments' && i !== null) parts.push(`Standard ${i + 1}`);
    else parts.push(LABELS[name] ?? name);
  }
  return parts.join(' › ');
}
export function plainMessage(message: string): string {
  return message
    .replace(/^is required(: .*)?$/, 'is missing')
    .replace(/^must be at least (\d+) characters$/, 'needs at least $1 characters')
    .replace(/^must be at most (\d+) characters$/, 'is too long (at most $1 characters)')
    .replace(/^must be 1-40 lowercase letters.*$/, 'needs a title with letters or digits')
    .replace(/^a reflection needs minWords and maxWords$/, 'needs a minimum and a maximum number of words')
    .replace(/^a video needs minSeconds and maxSeconds$/, 'needs a shortest and a longest length')
    .replace(/^name at least one kind of file to accept$/, 'needs at least one kind of file ticked')
    .replace(/^needs at least one rubric criterion$/, 'needs at least one rubric criterion')
    .replace(/^is (\d+) bytes; the limit is (\d+)$/, (_, a: string, b: string) => `is ${Math.round(Number(a) / 1024)} KB; the most is ${Math.round(Number(b) / 1024)} KB`);
}

