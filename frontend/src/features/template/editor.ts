// The template editor: the draft's content is one object; every control writes into it, structure changes
// (add/remove a tier, requirement or criterion) re-render, and each control carries the API field path
// (tiers[0].requirements[1].minWords) so the validator's problems land next to the control they concern.
import { navigate } from '../../core/app';
import { money } from '../../core/format';
import { ApiError, api } from '../../core/http';
import type { Alignment, Kind } from './types';
import { append, busy, clearErrors, field, h, input, select, showError, textarea, toast } from '../../ui';

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
interface View { id: string; familyId: string; version: number; status: string; totalStipendCents: number; content: Content; problems: Array<{ field: string; message: string }> }

const SCALES: Record<string, Scale> = {
  two: { name: 'Two-level', levels: ['Not yet on track', 'On track'], passingLevel: 1 },
  four: { name: 'Danielson four-level', levels: ['Unsatisfactory', 'Basic', 'Proficient', 'Distinguished'], passingLevel: 2 },
};
const KINDS: Kind[] = ['REFLECTION', 'VIDEO', 'ARTIFACTS', 'LINKS', 'DATA'];
const FILE_KINDS = ['IMAGE', 'PDF', 'VIDEO', 'AUDIO', 'DOCUMENT', 'SPREADSHEET', 'PRESENTATION', 'TEXT'];

export function emptyContent(): Content {
  return {
    title: 'Untitled microcredential', summary: '', criteria: '', artwork: null, tags: { subjects: [], gradeBands: [], topics: [] },
    alignments: [], validFor: null, scale: SCALES.two, proposalRequired: false,
    tiers: [newTier(0, SCALES.two)],
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

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
const num = (v: string) => (v.trim() === '' ? null : Number(v));

export async function editor(p: { id: string }): Promise<Node> {
  let view = await api.get<View>(`/api/v1/templates/${p.id}`);
  const frameworks = await api.get<Array<{ code: string; name: string }>>('/api/v1/frameworks').catch(() => []);
  const c = view.content;
  c.scale ??= SCALES.two;
  const draft = view.status === 'DRAFT';
  const root = h('section', { class: 'editor' });
  const body = h('div', {});

  const bind = <T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el: T, set: (v: string) => void): T => {
    el.addEventListener('input', () => set(el.value));
    el.addEventListener('change', () => set(el.value));
    if (!draft) el.setAttribute('disabled', '');
    return el;
  };
  const text = (label: string, path: string, value: string | null | undefined, set: (v: string) => void, opts: { area?: boolean; hint?: string; type?: string } = {}) =>
    field(label, bind(opts.area ? textarea({ value: value ?? '' }) : input({ value: value ?? '', type: opts.type ?? 'text' }), set), { name: path, hint: opts.hint });
  const listText = (xs: string[]) => xs.join(', ');
  const parseList = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

  const render = () => {
    const scale = c.scale!;
    body.replaceChildren();
    append(body, [
      h('fieldset', {}, h('legend', {}, 'About'),
        text('Title', 'title', c.title, (v) => { c.title = v; }),
        text('Summary', 'summary', c.summary, (v) => { c.summary = v; }, { area: true }),
        text('Criteria narrative (Markdown)', 'criteria', c.criteria, (v) => { c.criteria = v; }, { area: true, hint: 'Shown on the public criteria page.' }),
        text('Subjects', 'tags.subjects', listText(c.tags.subjects), (v) => { c.tags.subjects = parseList(v); }, { hint: 'Comma separated.' }),
        text('Grade bands', 'tags.gradeBands', listText(c.tags.gradeBands), (v) => { c.tags.gradeBands = parseList(v); }, { hint: 'Comma separated, e.g. K-2, 6-8.' }),
        text('Valid for', 'validFor', c.validFor, (v) => { c.validFor = v.trim() || null; }, { hint: 'An ISO period such as P3Y; empty for no expiry.' }),
        field('Teachers propose first', bind(h('input', { type: 'checkbox', checked: c.proposalRequired, onchange: (e: Event) => { c.proposalRequired = (e.target as HTMLInputElement).checked; } }), () => undefined), { name: 'proposalRequired' }),
        artworkField()),
      alignmentsField(),
      h('fieldset', {}, h('legend', {}, 'Rubric scale'),
        field('Scale', bind(select([['two', 'Two levels (Not yet on track / On track)'], ['four', 'Four levels (Danielson)']], {}, scale.levels.length === 4 ? 'four' : 'two'), (v) => {
          c.scale = SCALES[v];
          for (const t of c.tiers) for (const r of t.requirements) for (const cr of r.criteria) cr.descriptors = c.scale.levels.map((_, i) => cr.descriptors[i] ?? '');
          render();
        }), { name: 'scale' })),
      c.tiers.map((t, ti) => tierFields(t, ti)),
      draft ? h('button', { type: 'button', onclick: () => { c.tiers.push(newTier(c.tiers.length, c.scale!)); render(); } }, 'Add a tier') : null,
      total]);
    showTotal();
  };
  const total = h('p', { class: 'meta', 'aria-live': 'polite' });
  const showTotal = () => { total.textContent = `Total stipend: ${money(c.tiers.reduce((s, t) => s + (t.stipendCents || 0), 0))}`; };

  const artworkField = () => {
    const file = h('input', { type: 'file', accept: 'image/png,image/svg+xml' });
    const preview = c.artwork ? h('img', { src: c.artwork, alt: 'Badge artwork preview', width: 96, height: 96 }) : h('p', { class: 'meta' }, 'No artwork yet: a default badge is drawn.');
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (!f) return;
      const reader = new FileReader();
      reader.onload = () => { c.artwork = String(reader.result); render(); };
      reader.readAsDataURL(f);
    });
    if (!draft) file.disabled = true;
    return h('div', { class: 'artwork' }, preview, field('Artwork (PNG or SVG)', file, { name: 'artwork' }));
  };

  const alignmentsField = () => {
    const fw = select([['', 'Choose a framework'], ...frameworks.map((f): [string, string] => [f.code, f.name])]);
    const entry = select([['', 'Choose a framework first']]);
    let entries: Array<{ code: string; name: string; group?: string; alignment: Alignment }> = [];
    fw.addEventListener('change', async () => {
      entries = fw.value ? (await api.get<{ entries: typeof entries }>(`/api/v1/frameworks/${encodeURIComponent(fw.value)}`)).entries : [];
      entry.replaceChildren(...[['', 'Choose an entry'], ...entries.map((e) => [e.code, `${e.code} ${e.name}`])].map(([v, l]) => h('option', { value: v }, l)));
    });
    const add = h('button', { type: 'button' }, 'Add alignment');
    add.addEventListener('click', () => {
      const e = entries.find((x) => x.code === entry.value);
      if (e && !c.alignments.some((a) => a.targetCode === e.alignment.targetCode)) { c.alignments.push(e.alignment); render(); }
    });
    return h('fieldset', { 'data-field': 'alignments' }, h('legend', {}, 'Alignments'),
      h('ul', {}, c.alignments.map((a, i) => h('li', { 'data-field': `alignments[${i}]` }, `${a.targetCode ?? ''} ${a.targetName}`, a.targetFramework ? ` (${a.targetFramework})` : '',
        draft ? h('button', { type: 'button', class: 'link', onclick: () => { c.alignments.splice(i, 1); render(); } }, `Remove ${a.targetName}`) : null))),
      h('p', { class: 'field-error' }),
      draft ? h('div', { class: 'row' }, field('Framework', fw), field('Entry', entry), add) : null);
  };

  const tierFields = (t: Tier, ti: number) => {
    const path = `tiers[${ti}]`;
    return h('fieldset', { class: 'tier', 'data-field': path }, h('legend', {}, `Tier ${ti + 1}: ${t.title}`),
      text('Tier title', `${path}.title`, t.title, (v) => { t.title = v; }),
      text('Key', `${path}.key`, t.key, (v) => { t.key = slug(v) || v; }, { hint: 'Stable identifier, e.g. tier-1.' }),
      text('Description', `${path}.description`, t.description, (v) => { t.description = v; }, { area: true }),
      text('Stipend ($)', `${path}.stipendCents`, String((t.stipendCents || 0) / 100), (v) => { t.stipendCents = Math.round(Number(v || 0) * 100); showTotal(); }, { type: 'number' }),
      text('Estimated hours', `${path}.estimatedHours`, t.estimatedHours == null ? '' : String(t.estimatedHours), (v) => { t.estimatedHours = num(v); }, { type: 'number' }),
      ti > 0 ? text('Requires earlier tiers (keys)', `${path}.requires`, t.requires.join(', '), (v) => { t.requires = parseList(v); }, { hint: `e.g. ${c.tiers.slice(0, ti).map((x) => x.key).join(', ')}` }) : null,
      field('Awarded as its own badge', bind(h('input', { type: 'checkbox', checked: t.awardedSeparately, onchange: (e: Event) => { t.awardedSeparately = (e.target as HTMLInputElement).checked; } }), () => undefined)),
      h('p', { class: 'field-error', 'aria-live': 'polite' }),
      t.requirements.map((r, ri) => requirementFields(t, r, `${path}.requirements[${ri}]`, ri)),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { t.requirements.push(newRequirement(t.requirements.length, c.scale!)); render(); } }, `Add a requirement to ${t.title}`),
        c.tiers.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => { c.tiers.splice(ti, 1); render(); } }, `Remove ${t.title}`) : null) : null);
  };

  const requirementFields = (t: Tier, r: Requirement, path: string, ri: number) => {
    const kind = bind(select(KINDS.map((k): [string, string] => [k, k.charAt(0) + k.slice(1).toLowerCase()]), {}, r.kind), (v) => { r.kind = v as Kind; render(); });
    const n = (label: string, key: 'minWords' | 'maxWords' | 'minSeconds' | 'maxSeconds' | 'minItems' | 'maxItems') =>
      text(label, `${path}.${key}`, r[key] == null ? '' : String(r[key]), (v) => { r[key] = num(v); }, { type: 'number' });
    const fileKinds = h('fieldset', { 'data-field': `${path}.allowedKinds` }, h('legend', {}, 'Accepted files'),
      FILE_KINDS.map((k) => {
        const id = `${path}-${k}`.replace(/[^\w-]/g, '_');
        return h('span', { class: 'check' }, bind(h('input', { type: 'checkbox', id, checked: r.allowedKinds.includes(k), onchange: (e: Event) => {
          r.allowedKinds = (e.target as HTMLInputElement).checked ? [...r.allowedKinds, k] : r.allowedKinds.filter((x) => x !== k);
        } }), () => undefined), h('label', { for: id }, k.toLowerCase()));
      }), h('p', { class: 'field-error' }));
    return h('fieldset', { class: 'requirement', 'data-field': path }, h('legend', {}, `Requirement ${ri + 1}: ${r.title}`),
      field('Kind', kind, { name: `${path}.kind` }),
      text('Requirement title', `${path}.title`, r.title, (v) => { r.title = v; }),
      text('Key', `${path}.key`, r.key, (v) => { r.key = slug(v) || v; }),
      text('Prompt to the teacher', `${path}.prompt`, r.prompt, (v) => { r.prompt = v; }, { area: true }),
      r.kind === 'REFLECTION' ? [n('Minimum words', 'minWords'), n('Maximum words', 'maxWords'), n('Or a video of at least (seconds)', 'minSeconds'), n('Video at most (seconds)', 'maxSeconds')] : null,
      r.kind === 'VIDEO' ? [n('Minimum seconds', 'minSeconds'), n('Maximum seconds', 'maxSeconds')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'LINKS' ? [n('Minimum items', 'minItems'), n('Maximum items', 'maxItems')] : null,
      r.kind === 'ARTIFACTS' || r.kind === 'DATA' || r.kind === 'VIDEO' ? fileKinds : null,
      h('h4', {}, 'Rubric'),
      h('p', { class: 'field-error', 'data-field': `${path}.criteria`, tabindex: -1 }),
      r.criteria.map((cr, ci) => h('fieldset', { class: 'criterion', 'data-field': `${path}.criteria[${ci}]` }, h('legend', {}, `Criterion ${ci + 1}`),
        text('Criterion name', `${path}.criteria[${ci}].name`, cr.name, (v) => { cr.name = v; if (!cr.key || cr.key.startsWith('criterion-')) cr.key = slug(v) || cr.key; }),
        c.scale!.levels.map((level, li) => text(`Descriptor: ${level}`, `${path}.criteria[${ci}].descriptors[${li}]`, cr.descriptors[li], (v) => { cr.descriptors[li] = v; }, { area: true })),
        h('p', { class: 'field-error', 'data-field': `${path}.criteria[${ci}].descriptors`, tabindex: -1 }),
        draft && r.criteria.length > 1 ? h('button', { type: 'button', class: 'link', onclick: () => { r.criteria.splice(ci, 1); render(); } }, `Remove criterion ${ci + 1}`) : null)),
      draft ? h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => { r.criteria.push(newCriterion(r.criteria.length, c.scale!)); render(); } }, 'Add a criterion'),
        t.requirements.length > 1 ? h('button', { type: 'button', class: 'danger', onclick: () => { t.requirements.splice(ri, 1); render(); } }, `Remove requirement ${ri + 1}`) : null) : null);
  };

  const problems = h('div', {});
  const showProblems = (v: View) => {
    if (v.problems.length) showError(body, new ApiError(422, `${v.problems.length} thing${v.problems.length === 1 ? '' : 's'} to finish before publishing`, '', '', v.problems));
    else clearErrors(body);
  };
  const save = h('button', { type: 'button' }, 'Save draft');
  const publish = h('button', { type: 'button', class: 'primary' }, 'Publish');
  save.addEventListener('click', () => void busy(save, async () => {
    try { view = await api.put<View>(`/api/v1/templates/${view.id}`, c); toast('Draft saved'); showProblems(view); } catch (err) { showError(body, err); }
  }));
  publish.addEventListener('click', () => void busy(publish, async () => {
    try {
      view = await api.put<View>(`/api/v1/templates/${view.id}`, c);
      await api.post(`/api/v1/templates/${view.id}/publish`);
      toast('Published');
      navigate(`/admin/templates?published=${view.id}`);
    } catch (err) { showError(body, err); }
  }));
  const newVersion = h('button', { type: 'button' }, 'Edit as a new version');
  newVersion.addEventListener('click', () => void busy(newVersion, async () => {
    try { const v = await api.post<View>(`/api/v1/templates/${view.id}/versions`); navigate(`/admin/templates/${v.id}`); } catch (err) { showError(root, err); }
  }));
  render();
  root.append(h('p', {}, h('a', { href: '/admin/templates' }, '← Templates')),
    h('h1', {}, draft ? `Edit: ${c.title}` : c.title), h('p', { class: 'meta' }, `Version ${view.version} · ${view.status.toLowerCase()}`),
    problems, body, h('div', { class: 'actions sticky' }, draft ? [save, publish] : newVersion,
      draft ? null : h('a', { href: `/catalog/${view.id}`, class: 'button' }, 'See it as a teacher')));
  if (draft && view.problems.length) queueMicrotask(() => showProblems(view));
  return root;
}
