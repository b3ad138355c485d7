// The template editor a principal can use. Nothing is red before the person acts: problems appear when they press
// Publish (or "What is missing?"), as a list in plain words whose entries jump to the field. A new template is not
// stored until its first save (so "New" never leaves an "Untitled" behind); a draft saves whatever is filled in,
// and a bad file (artwork too large) is refused on its own without losing the rest. Durations are a number and a
// unit, keys are made from titles, the criteria narrative is Markdown with a safe preview, headings follow edits,
// and the alignment picker searches every framework at once.
import { navigate } from '../../core/app';
import { money } from '../../core/format';
import { ApiError, api } from '../../core/http';
import type { Alignment, Kind } from './types';
import { append, busy, clearErrors, field, h, input, markdown, select, showError, textarea, toast } from '../../ui';

interface Criterion { key: string; name: string; descriptors: string[] }
interface Requirement {
  key: string; kind: Kind; title: string; prompt?: string | null; minWords?: number | null; maxWords?: number | null;
  minSeconds?: number | null; maxSeconds?: number | null; allowedKinds: string[]; minItems?: number | null; maxItems?: number | null;
  criteria: Criterion[]; passRule?: unknown;
}
interface Tier {
  key: string; title: string; description?: string | null; requires: string[]; awardedSeparately: boolean; stipendCents: number;
  fundingSource?: string | null; estimatedHours?: number | null; requirements: Requirement[];
}
interface Scale { name: string; levels: string[]; passingLevel: number }
export interface Content {
  title: string; summary: string; criteria?: string | null; artwork?: string | null; tags: { subjects: string[]; gradeBands: string[]; topics: string[] };
  alignments: Alignment[]; validFor?: string | null; scale?: Scale | null; proposalRequired: boolean; tiers: Tier[];
}
interface Problem { field: string; message: string }
interface View { id: string; familyId: string; version: number; status: string; totalStipendCents: number; content: Content; problems: Problem[] }
interface FrameworkSummary { code: string; name: string }
interface Entry { code: string; name: string; group?: string; alignment: Alignment }

const SCALES: Record<string, Scale> = {
  two: { name: 'Two-level', levels: ['Not yet on track', 'On track'], passingLevel: 1 },
  four: { name: 'Danielson four-level', levels: ['Unsatisfactory', 'Basic', 'Proficient', 'Distinguished'], passingLevel: 2 },
};
const KINDS: Array<[Kind, string]> = [['REFLECTION', 'Written reflection'], ['VIDEO', 'Video'], ['ARTIFACTS', 'Files (lesson plans, student work)'],
  ['LINKS', 'Links'], ['DATA', 'Data (spreadsheets, charts)']];
const FILE_KINDS: Array<[string, string]> = [['IMAGE', 'images'], ['PDF', 'PDFs'], ['VIDEO', 'videos'], ['AUDIO', 'audio'],
  ['DOCUMENT', 'documents'], ['SPREADSHEET', 'spreadsheets'], ['PRESENTATION', 'presentations'], ['TEXT', 'text files']];
/** The service's limit for artwork (Artwork.MAX_BYTES): checked here so a large file never costs the rest of the draft. */
export const MAX_ARTWORK_BYTES = 96 * 1024;

export function emptyContent(): Content {
  return {
    title: '', summary: '', criteria: '', artwork: null, tags: { subjects: [], gradeBands: [], topics: [] },
    alignments: [], validFor: null, scale: SCALES.two, proposalRequired: false, tiers: [newTier(0, SCALES.two)],
  };
}
function newTier(i: number, scale: Scale): Tier {
  return { key: `tier-${i + 1}`, title: `Tier ${i + 1}`, description: '', requires: [], awardedSeparately: true, stipendCents: 0,
    fundingSource: null, estimatedHours: null, requirements: [newRequirement(0, scale)] };
}
function newRequirement(i: number, scale: Scale): Requirement {
  return { key: `requirement-${i + 1}`, kind: 'REFLECTION', title: 'Reflection', prompt: '', minWords: 250, maxWords: 350,
    minSeconds: null, maxSeconds: null, allowedKinds: [], minItems: null, maxItems: null, criteria: [newCriterion(0, scale)], passRule: null };
}
function newCriterion(i: number, scale: Scale): Criterion {
  return { key: `criterion-${i + 1}`, name: '', descriptors: scale.levels.map(() => '') };
}

export const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
const num = (v: string) => { const n = Number(v); return v.trim() === '' || !Number.isFinite(n) ? null : n; };

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
  requires: 'Earlier tiers needed first', stipendCents: 'Stipend', estimatedHours: 'Estimated hours', fundingSource: 'Funding source',
  requirements: 'Requirements', kind: 'What teachers submit', prompt: 'Prompt to the teacher', minWords: 'Minimum words',
  maxWords: 'Maximum words', minSeconds: 'Minimum video length', maxSeconds: 'Maximum video length', minItems: 'Minimum number of items',
  maxItems: 'Maximum number of items', allowedKinds: 'Accepted files', name: 'Name', key: 'Title', descriptors: 'Level descriptions',
  targetCode: 'Standard', targetName: 'Standard', targetUrl: 'Standard link',
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

export async function editor(p: { id: string }): Promise<Node> {
  const isNew = p.id === 'new';
  let view: View | null = isNew ? null : await api.get<View>(`/api/v1/templates/${p.id}`);
  const c: Content = view ? view.content : emptyContent();
  c.scale ??= SCALES.two;
  c.tags ??= { subjects: [], gradeBands: [], topics: [] };
  const draft = !view || view.status === 'DRAFT';
  const createKey = crypto.randomUUID(); // the first save of a new template creates one draft, however often it is retried
  const root = h('section', { class: 'editor' });
  const body = h('div', {});
  const heading = h('h1', {});
  const showHeading = () => { heading.textContent = draft ? `${isNew && !view ? 'New microcredential' : 'Edit'}: ${c.title.trim() || 'untitled'}` : c.title; };
  let dirty = false;

  const bind = <T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el: T, set: (v: string) => void): T => {
    const on = () => { set(el.value); dirty = true; };
    el.addEventListener('input', on);
    el.addEventListener('change', on);
    if (!draft) el.setAttribute('disabled', '');
    return el;
  };
  const text = (label: string, path: string, value: string | null | undefined, set: (v: string) => void,
    opts: { area?: boolean; hint?: string; type?: string; attrs?: Record<string, string | number> } = {}) =>
    field(label, bind(opts.area ? textarea({ value: value ?? '', ...opts.attrs }) : input({ value: value ?? '', type: opts.type ?? 'text', ...opts.attrs }), set), { name: path, hint: opts.hint });
  const check = (label: string, path: string, value: boolean, set: (v: boolean) => void) => {
    const box = h('input', { type: 'checkbox', checked: value });
    box.addEventListener('change', () => { set(box.checked); dirty = true; });
    if (!draft) box.disabled = true;
    return field(label, box, { name: path });
  };
  const listText = (xs: string[]) => xs.join(', ');
  const parseList = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

  const render = () => {
    body.replaceChildren();
    append(body, [
      h('fieldset', {}, h('legend', {}, 'About'),
        text('Title', 'title', c.title, (v) => { c.title = v; showHeading(); }, { hint: 'What teachers see in the catalog, e.g. “Personalized Learning”.', attrs: { maxlength: 120 } }),
        text('Summary', 'summary', c.summary, (v) => { c.summary = v; }, { area: true, hint: 'One or two sentences.' }),
        criteriaField(),
        text('Subjects', 'tags.subjects', listText(c.tags.subjects), (v) => { c.tags.subjects = parseList(v); }, { hint: 'Separate with commas, e.g. Math, Science.' }),
        text('Grade bands', 'tags.gradeBands', listText(c.tags.gradeBands), (v) => { c.tags.gradeBands = parseList(v); }, { hint: 'Separate with commas, e.g. K-2, 6-8.' }),
        validForField(),
        check('Teachers propose it first (an administrator approves before they start)', 'proposalRequired', c.proposalRequired, (v) => { c.proposalRequired = v; }),
        artworkField()),
      alignmentsField(),
      h('fieldset', {}, h('legend', {}, 'Rubric scale'),
        field('Scale', bind(select([['two', 'Two levels (Not yet on track / On track)'], ['four', 'Four levels (Danielson)']], {}, c.scale!.levels.length === 4 ? 'four' : 'two'), (v) => {
          c.scale = SCALES[v];
          for (const t of c.tiers) for (const r of t.requirements) for (const cr of r.criteria) cr.descriptors = c.scale.levels.map((_, i) => cr.descriptors[i] ?? '');
          render();
        }), { name: 'scale' })),
      c.tiers.map((t, ti) => tierFields(t, ti)),
      draft ? h('button', { type: 'button', onclick: () => { c.tiers.push(newTier(c.tiers.length, c.scale!)); dirty = true; render(); } }, 'Add a tier') : null,
      total]);
    showTotal();
  };
  const total = h('p', { class: 'meta', 'aria-live': 'polite' });
  const showTotal = () => { total.textContent = `Total stipend: ${money(c.tiers.reduce((s, t) => s + (t.stipendCents || 0), 0))}`; };

  const criteriaField = () => {
    const area = bind(textarea({ value: c.criteria ?? '', rows: 8 }), (v) => { c.criteria = v; if (!preview.hidden) showPreview(); });
    const preview = h('div', { class: 'markdown-preview card', hidden: true, 'aria-live': 'polite' });
    const showPreview = () => preview.replaceChildren(h('p', { class: 'meta' }, 'Preview'), markdown(c.criteria ?? ''));
    const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'Show preview');
    toggle.addEventListener('click', () => {
      preview.hidden = !preview.hidden;
      toggle.setAttribute('aria-expanded', String(!preview.hidden));
      toggle.textContent = preview.hidden ? 'Show preview' : 'Hide preview';
      if (!preview.hidden) showPreview();
    });
    return h('div', {}, field('What earners must show', area, { name: 'criteria',
      hint: 'Shown on the badge’s public page. Formatting: ## heading, - list item, 1. numbered item, **bold**. Anything else shows as typed.' }),
    toggle, preview);
  };

  const validForField = () => {
    const current = parsePeriod(c.validFor);
    const amount = input({ type: 'number', min: 1, max: 100, step: 1, value: current ? current.amount : '', inputmode: 'numeric', 'aria-label': 'Valid for: number' });
    const unit = select([['Y', 'years'], ['M', 'months'], ['W', 'weeks'], ['D', 'days']], { 'aria-label': 'Valid for: unit' }, current?.unit ?? 'Y');
    const note = h('p', { class: 'hint', 'aria-live': 'polite' });
    const update = () => {
      const n = num(amount.value);
      c.validFor = toPeriod(n, unit.value as Unit);
      note.textContent = amount.value.trim() === '' ? 'Badges never expire.'
        : c.validFor ? '' : 'Enter a whole number of at least 1, or leave it empty for badges that never expire.';
      dirty = true;
    };
    amount.addEventListener('input', update);
    unit.addEventListener('change', update);
    if (!draft) { amount.disabled = true; unit.disabled = true; }
    note.textContent = c.validFor ? '' : 'Badges never expire.';
    return h('div', { class: 'field', 'data-field': 'validFor' }, h('span', { class: 'label', id: 'valid-for-label' }, 'Valid for'),
      h('p', { class: 'hint' }, 'Leave empty if the badge never expires.'),
      h('div', { class: 'row', role: 'group', 'aria-labelledby': 'valid-for-label' }, amount, unit), note, h('p', { class: 'field-error' }));
  };

  const artworkField = () => {
    const file = h('input', { type: 'file', accept: 'image/png,image/svg+xml' });
    const note = h('p', { class: 'field-error', 'aria-live': 'polite' });
    const preview = c.artwork ? h('img', { src: c.artwork, alt: 'Badge artwork', width: 96, height: 96 })
      : h('p', { class: 'meta' }, 'No artwork yet.');
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (!f) return;
      if (!/^image\/(png|svg\+xml)$/.test(f.type)) { note.textContent = `“${f.name}” is not a PNG or SVG image. Choose a PNG or SVG file.`; file.value = ''; return; }
      if (f.size > MAX_ARTWORK_BYTES) {
        note.textContent = `“${f.name}” is ${(f.size / 1024 / 1024 >= 1 ? `${(f.size / 1024 / 1024).toFixed(1)} MB` : `${Math.round(f.size / 1024)} KB`)}; artwork can be at most ${MAX_ARTWORK_BYTES / 1024} KB. Your other changes are kept; choose a smaller image.`;
        file.value = '';
        return;
      }
      const reader = new FileReader();
      reader.onload = () => { c.artwork = String(reader.result); dirty = true; render(); };
      reader.readAsDataURL(f);
    });
    if (!draft) file.disabled = true;
    const w = field('Badge artwork (PNG or SVG, at most 96 KB)', file, { name: 'artwork' });
    w.append(note);
    return h('div', { class: 'artwork' }, preview, w);
  };

  // one search over every framework's entries, loaded once on first use
  let allEntries: Promise<Array<Entry & { framework: string }>> | null = null;
  const loadEntries = () => allEntries ??= api.get<FrameworkSummary[]>('/api/v1/frameworks').then((fws) => Promise.all(fws.map((f) =>
    api.get<{ entries: Entry[] }>(`/api/v1/frameworks/${encodeURIComponent(f.code)}`)
      .then((v) => v.entries.map((e) => ({ ...e, framework: f.name }))).catch(() => [])))).then((xs) => xs.flat());
  const alignmentsField = () => {
    const search = input({ type: 'search', placeholder: 'e.g. feedback, 3d, data', autocomplete: 'off' });
    const results = h('ul', { class: 'search-results', 'aria-live': 'polite' });
    const show = async () => {
      const q = search.value.trim().toLowerCase();
      if (q.length < 2) { results.replaceChildren(); return; }
      const entries = await loadEntries();
      const words = q.split(/\s+/);
      const found = entries.filter((e) => words.every((w) => `${e.code} ${e.name} ${e.group ?? ''} ${e.framework}`.toLowerCase().includes(w))).slice(0, 12);
      results.replaceChildren(...(found.length ? found.map((e) => {
        const taken = c.alignments.some((a) => a.targetCode === e.alignment.targetCode && a.targetFramework === e.alignment.targetFramework);
        return h('li', {}, h('span', {}, `${e.code} ${e.name} `, h('span', { class: 'meta' }, `(${e.framework})`)), ' ',
          h('button', { type: 'button', disabled: taken, onclick: () => { c.alignments.push(e.alignment); dirty = true; render(); } }, taken ? 'Added' : `Add ${e.code}`));
      }) : [h('li', { class: 'meta' }, `No standard matches “${search.value.trim()}”.`)]));
    };
    search.addEventListener('input', () => void show());
    return h('fieldset', { 'data-field': 'alignments' }, h('legend', {}, 'Standards it is aligned to'),
      c.alignments.length ? h('ul', {}, c.alignments.map((a, i) => h('li', { 'data-field': `alignments[${i}]` }, `${a.targetCode ?? ''} ${a.targetName}`, a.targetFramework ? ` (${a.targetFramework})` : '', ' ',
        draft ? h('button', { type: 'button', class: 'link', onclick: () => { c.alignments.splice(i, 1); dirty = true; render(); } }, `Remove ${a.targetCode ?? a.targetName}`) : null)))
        : h('p', { class: 'meta' }, 'None yet.'),
      h('p', { class: 'field-error' }),
      draft ? [field('Search all frameworks (Learning Forward, Danielson, ISTE and your own)', search), results] : null);
  };

  const tierFields = (t: Tier, ti: number) => {
    const path = `tiers[${ti}]`;
    const legend = h('legend', {}, `Tier ${ti + 1}: ${t.title}`);
    const earlier = c.tiers.slice(0, ti);
    return h('fieldset', { class: 'tier', 'data-field': path }, legend,
      text('Tier title', `${path}.title`, t.title, (v) => { t.title = v; legend.textContent = `Tier ${ti + 1}: ${v}`; }),
      text('Description', `${path}.description`, t.description, (v) => { t.description = v; }, { area: true }),
      text('Stipend in dollars', `${path}.stipendCents`, String((t.stipendCents || 0) / 100), (v) => { t.stipendCents = Math.max(0, Math.round((num(v) ?? 0) * 100)); showTotal(); }, { type: 'number', attrs: { min: 0, step: 1 } }),
      text('Estimated hours', `${path}.estimatedHours`, t.estimatedHours == null ? '' : String(t.estimatedHours), (v) => { t.estimatedHours = num(v); }, { type: 'number', attrs: { min: 0 } }),
      earlier.length ? h('fieldset', { 'data-field': `${path}.requires` }, h('legend', {}, 'Tiers to finish first'),
        earlier.map((e) => {
          const id = `${path}-requires-${e.key}`.replace(/[^\w-]/g, '_');
          const box = h('input', { type: 'checkbox', id, checked: t.requires.includes(e.key) });
          box.addEventListener('change', () => { t.requires = box.checked ? [...t.requires, e.key] : t.requires.filter((k) => k !== e.key); dirty = true; });
          if (!draft) box.disabled = true;
          return h('span', { class: 'check' }, box, h('label', { for: id }, e.title || e.key));
        }), h('p', { class: 'field-error' })) : null,
      check('Awarded as its own badge', `${path}.awardedSeparately`, t.awardedSeparately, (v) => { t.awardedSeparately = v; }),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      t.requirements.map((r, ri) => requirementFields(t, r, `${path}.requirements[${ri}]`, ri)),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { t.requirements.push(newRequirement(t.requirements.length, c.scale!)); dirty = true; render(); } }, `Add a requirement to tier ${ti + 1}`),
        c.tiers.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => {
          const gone = c.tiers.splice(ti, 1)[0];
          for (const other of c.tiers) other.requires = other.requires.filter((k) => k !== gone.key);
          dirty = true; render();
        } }, `Remove tier ${ti + 1}`) : null) : null);
  };

  const requirementFields = (t: Tier, r: Requirement, path: string, ri: number) => {
    const legend = h('legend', {}, `Requirement ${ri + 1}: ${r.title}`);
    const kind = bind(select(KINDS, {}, r.kind), (v) => { r.kind = v as Kind; render(); });
    const n = (label: string, key: 'minWords' | 'maxWords' | 'minSeconds' | 'maxSeconds' | 'minItems' | 'maxItems', hint?: string) =>
      text(label, `${path}.${key}`, r[key] == null ? '' : String(r[key]), (v) => { r[key] = num(v); }, { type: 'number', hint, attrs: { min: 0 } });
    const fileKinds = h('fieldset', { 'data-field': `${path}.allowedKinds` }, h('legend', {}, 'Accepted files'),
      FILE_KINDS.map(([k, label]) => {
        const id = `${path}-${k}`.replace(/[^\w-]/g, '_');
        const box = h('input', { type: 'checkbox', id, checked: r.allowedKinds.includes(k) });
        box.addEventListener('change', () => { r.allowedKinds = box.checked ? [...r.allowedKinds, k] : r.allowedKinds.filter((x) => x !== k); dirty = true; });
        if (!draft) box.disabled = true;
        return h('span', { class: 'check' }, box, h('label', { for: id }, label));
      }), h('p', { class: 'field-error' }));
    return h('fieldset', { class: 'requirement', 'data-field': path }, legend,
      text('Requirement title', `${path}.title`, r.title, (v) => { r.title = v; legend.textContent = `Requirement ${ri + 1}: ${v}`; }),
      field('What teachers submit', kind, { name: `${path}.kind` }),
      text('Prompt to the teacher', `${path}.prompt`, r.prompt, (v) => { r.prompt = v; }, { area: true }),
      r.kind === 'REFLECTION' ? [n('Minimum words', 'minWords'), n('Maximum words', 'maxWords'),
        n('Or a video of at least (seconds)', 'minSeconds', 'Leave empty if only writing is accepted.'), n('Video at most (seconds)', 'maxSeconds')] : null,
      r.kind === 'VIDEO' ? [n('Shortest video (seconds)', 'minSeconds'), n('Longest video (seconds)', 'maxSeconds')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'LINKS' ? [n('At least this many items', 'minItems'), n('At most this many items', 'maxItems')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'VIDEO' ? fileKinds : null,
      h('h4', {}, 'Rubric'),
      h('p', { class: 'field-error', 'data-field': `${path}.criteria`, tabindex: -1 }),
      r.criteria.map((cr, ci) => {
        const cl = h('legend', {}, `Criterion ${ci + 1}${cr.name ? `: ${cr.name}` : ''}`);
        return h('fieldset', { class: 'criterion', 'data-field': `${path}.criteria[${ci}]` }, cl,
          text('Criterion name', `${path}.criteria[${ci}].name`, cr.name, (v) => { cr.name = v; cl.textContent = `Criterion ${ci + 1}${v ? `: ${v}` : ''}`; }),
          c.scale!.levels.map((level, li) => text(`What “${level}” looks like`, `${path}.criteria[${ci}].descriptors[${li}]`, cr.descriptors[li], (v) => { cr.descriptors[li] = v; }, { area: true })),
          h('p', { class: 'field-error', 'data-field': `${path}.criteria[${ci}].descriptors`, tabindex: -1 }),
          draft && r.criteria.length > 1 ? h('button', { type: 'button', class: 'link', onclick: () => { r.criteria.splice(ci, 1); dirty = true; render(); } }, `Remove criterion ${ci + 1}`) : null);
      }),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { r.criteria.push(newCriterion(r.criteria.length, c.scale!)); dirty = true; render(); } }, `Add a criterion to requirement ${ri + 1}`),
        t.requirements.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => { t.requirements.splice(ri, 1); dirty = true; render(); } }, `Remove requirement ${ri + 1}`) : null) : null);
  };

  // ---- what is missing, in words, each entry a link to its field
  const missing = h('div', { class: 'missing', 'aria-live': 'polite' });
  const showMissing = (problems: Problem[], title: string) => {
    clearErrors(body);
    if (!problems.length) { missing.replaceChildren(h('p', { class: 'status status-ok', role: 'status' }, 'Nothing is missing: it can be published.')); return; }
    // each field also shows its own sentence, so a person scrolling the form sees it in place
    showError(body, new ApiError(422, title, '', '', problems.map((x) => ({ field: x.field, message: plainMessage(x.message) }))));
    body.querySelector('.form-error')?.remove();
    missing.replaceChildren(h('div', { class: 'form-error', role: 'alert', tabindex: -1 },
      h('h2', {}, title),
      h('ul', {}, problems.map((x) => h('li', {}, h('a', { href: '#', onclick: (e: Event) => {
        e.preventDefault();
        const target = body.querySelector<HTMLElement>(`[data-field="${CSS.escape(x.field)}"] input, [data-field="${CSS.escape(x.field)}"] textarea, [data-field="${CSS.escape(x.field)}"] select, [data-field="${CSS.escape(x.field)}"]`);
        target?.scrollIntoView({ block: 'center' });
        target?.focus?.();
      } }, `${describeField(x.field, c)} ${plainMessage(x.message)}.`))))));
    (missing.firstElementChild as HTMLElement).focus();
  };

  /** Stores the draft (creating it on the first save) and returns the saved view. */
  const store = async (): Promise<View> => {
    keysFromTitles(c);
    const saved = view ? await api.put<View>(`/api/v1/templates/${view.id}`, c)
      : await api.post<View>('/api/v1/templates', c, { 'Idempotency-Key': createKey });
    const created = !view;
    view = saved;
    dirty = false;
    if (created) history.replaceState(null, '', `/admin/templates/${saved.id}`);
    meta.textContent = `Version ${saved.version} · draft · saved`;
    actions.replaceChildren(...draftActions());
    return saved;
  };
  const save = h('button', { type: 'button' }, 'Save draft');
  const checkMissing = h('button', { type: 'button' }, 'What is missing?');
  const publish = h('button', { type: 'button', class: 'primary' }, 'Publish');
  const remove = h('button', { type: 'button', class: 'danger' }, 'Delete draft');
  save.addEventListener('click', () => void busy(save, async () => {
    try { await store(); missing.replaceChildren(); clearErrors(body); toast('Draft saved'); } catch (err) { showError(body, err); }
  }));
  checkMissing.addEventListener('click', () => void busy(checkMissing, async () => {
    try { const v = await store(); showMissing(v.problems, `${v.problems.length} thing${v.problems.length === 1 ? '' : 's'} to finish before publishing`); } catch (err) { showError(body, err); }
  }));
  publish.addEventListener('click', () => void busy(publish, async () => {
    try {
      const v = await store();
      if (v.problems.length) { showMissing(v.problems, `Not published yet: ${v.problems.length} thing${v.problems.length === 1 ? '' : 's'} to finish`); return; }
      await api.post(`/api/v1/templates/${v.id}/publish`);
      toast(`Published “${c.title}”`);
      navigate(`/admin/templates?published=${v.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) showMissing(err.errors, 'Not published yet');
      else showError(body, err);
    }
  }));
  remove.addEventListener('click', () => void busy(remove, async () => {
    if (!confirm(`Delete the draft “${c.title || 'untitled'}”? This cannot be undone.`)) return;
    try {
      if (view) await api.del(`/api/v1/templates/${view.id}`).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
      toast('Draft deleted');
      navigate('/admin/templates', true);
    } catch (err) { showError(root, err); }
  }));
  const discard = h('a', { href: '/admin/templates', class: 'button' }, 'Cancel');
  const draftActions = () => (view ? [save, checkMissing, publish, remove] : [save, checkMissing, publish, discard]);

  const newVersion = h('button', { type: 'button' }, 'Edit as a new version');
  newVersion.addEventListener('click', () => void busy(newVersion, async () => {
    try { const v = await api.post<View>(`/api/v1/templates/${view!.id}/versions`); navigate(`/admin/templates/${v.id}`); } catch (err) { showError(root, err); }
  }));
  const retire = h('button', { type: 'button', class: 'danger' }, 'Retire (no new enrollments)');
  retire.addEventListener('click', () => void busy(retire, async () => {
    if (!confirm('Retire this microcredential? Teachers can no longer start it; badges already earned stay valid.')) return;
    try { await api.post(`/api/v1/templates/${view!.id}/retire`); toast('Retired'); navigate('/admin/templates'); } catch (err) { showError(root, err); }
  }));

  const meta = h('p', { class: 'meta' }, view ? `Version ${view.version} · ${view.status.toLowerCase()}` : 'Not saved yet');
  const actions = h('div', { class: 'actions sticky' });
  if (draft) actions.replaceChildren(...draftActions());
  else actions.replaceChildren(newVersion, view!.status === 'PUBLISHED' ? retire : '', h('a', { href: `/catalogue/${view!.id}`, class: 'button' }, 'See it as a teacher'));
  window.addEventListener('beforeunload', (e) => { if (dirty && root.isConnected) e.preventDefault(); });
  showHeading();
  render();
  root.append(h('p', {}, h('a', { href: '/admin/templates' }, '← Templates')), heading, meta, missing, body, actions);
  return root;
}
