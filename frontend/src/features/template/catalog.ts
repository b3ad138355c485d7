// The catalog and a microcredential's page: what it takes per tier, what it pays, how it is scored.
import { navigate } from '../../core/app';
import { money } from '../../core/format';
import type { CatalogueItem, RequirementPreview, TierPreview } from './types';
import { append, busy, field, growingList, h, input, markdown, pagedList, select, showError, scrollTable } from '../../ui';
import { templateApi } from './api';
import { enrollmentApi } from '../enrollment/api';

const FILTERS = ['q', 'standard', 'cluster', 'subject', 'gradeBand', 'stipendMin'] as const;

export async function catalogue(_: unknown, q: URLSearchParams): Promise<Node> {
  const query = new URLSearchParams();
  for (const f of FILTERS) { const v = q.get(f); if (v) query.set(f, f === 'stipendMin' ? String(Number(v) * 100) : v); }
  const cards = growingList('ul', { class: 'cards' }, (t: CatalogueItem) => h('li', { class: 'card' },
    t.artwork ? h('img', { src: t.artwork, alt: '', width: 64, height: 64 }) : null,
    h('h2', {}, h('a', { href: `/catalog/${t.id}` }, t.title)),
    h('p', {}, t.summary),
    h('p', { class: 'meta' }, `${t.tierCount} tier${t.tierCount === 1 ? '' : 's'} · ${t.totalStipendCents ? `up to ${money(t.totalStipendCents)}` : 'no stipend'}`,
      t.proposalRequired ? ' · proposal first' : ''),
    h('ul', { class: 'tags', 'aria-label': 'Alignments' }, t.alignments.slice(0, 4).map((a) => h('li', {}, a.targetName)))));
  const paged = (page: number, size: number) => {
    const one = new URLSearchParams(query);
    one.set('page', String(page)); one.set('size', String(size));
    return templateApi.catalog(one);
  };
  // the filters' choices and the counts come from the whole catalog; the list itself a page at a time
  const [facets, pager] = await Promise.all([templateApi.facets(query),
    pagedList<CatalogueItem>({ load: paged, append: cards.append, noun: 'microcredentials' })]);
  const opts = (xs: string[]): Array<[string, string]> => [['', 'Any'], ...xs.map((x): [string, string] => [x, x])];
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the catalog' },
    field('Search', input({ name: 'q', type: 'search', value: q.get('q') ?? '' })),
    field('Standard', select(opts(facets.standards), { name: 'standard' }, q.get('standard') ?? '')),
    field('Danielson cluster', select(opts(facets.clusters), { name: 'cluster' }, q.get('cluster') ?? '')),
    field('Subject', select(opts(facets.subjects), { name: 'subject' }, q.get('subject') ?? '')),
    field('Grade band', select(opts(facets.gradeBands), { name: 'gradeBand' }, q.get('gradeBand') ?? '')),
    field('Stipend at least ($)', input({ name: 'stipendMin', type: 'number', min: 0, step: 25, inputmode: 'numeric', value: q.get('stipendMin') ?? '' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply filters'), h('a', { href: '/catalog', class: 'button' }, 'Clear filters')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (String(v).trim()) params.set(k, String(v).trim()); });
    navigate(`/catalog${params.toString() ? '?' + params : ''}`);
  });
  const active = FILTERS.filter((f) => q.get(f)).length;
  // open on wide screens or when filters are in use; folded on a phone so the list comes first
  const box = h('details', { class: 'filters-box', open: active > 0 || window.innerWidth >= 700 },
    h('summary', {}, active ? `Filters (${active} in use)` : 'Filters'), form);
  return h('section', {}, h('h1', {}, 'Microcredential catalog'), box,
    h('p', { role: 'status' }, `${facets.matching} of ${facets.total} microcredentials`),
    cards.element, pager.footer);
}

// ---- template page ---------------------------------------------------------------------------------------------

export async function templatePage(p: { id: string }): Promise<Node> {
  const [t, mine] = await Promise.all([templateApi.preview(p.id), enrollmentApi.mine(0, 500)]);
  const existing = mine.find((e) => e.familyId === t.familyId && e.state !== 'DECLINED');
  const start = h('button', { type: 'button', class: 'primary' }, t.proposalRequired ? 'Start a proposal' : 'Start');
  const section = h('section', {});
  start.addEventListener('click', () => void busy(start, async () => {
    try {
      const e = await enrollmentApi.start(t.id);
      navigate(`/my/enrollments/${e.id}`);
    } catch (err) { showError(section, err); }
  }));
  append(section, [
    h('div', { class: 'title-row' }, t.artwork ? h('img', { src: t.artwork, alt: '', width: 96, height: 96 }) : null,
      h('div', {}, h('h1', {}, t.title), h('p', {}, t.summary))),
    h('p', {}, existing ? h('a', { href: `/my/enrollments/${existing.id}`, class: 'button primary' }, 'Continue your work') : start),
    h('h2', {}, 'What it pays'),
    h('p', {}, `Up to ${money(t.totalStipendCents)} in all.`, t.validFor ? ` Valid for ${t.validFor}.` : ''),
    h('h2', {}, 'What it takes'),
    t.proposalRequired ? h('p', {}, 'First propose your topic, at least two sources of new learning and an implementation plan; the district approves it.') : null,
    t.tiers.map((tier) => tierDetails(tier, t.levels)),
    t.criteria ? h('details', { class: 'tier' }, h('summary', {}, 'The full criteria'), markdown(t.criteria)) : null,
    t.alignments.length ? [h('h2', {}, 'Aligned to'), h('ul', {}, t.alignments.map((a) => h('li', {}, a.targetCode ? `${a.targetName} (${a.targetCode})` : a.targetName, a.targetFramework ? ` — ${a.targetFramework}` : '')))] : null]);
  return section;
}

function tierDetails(tier: TierPreview, levels: string[]): HTMLElement {
  return h('details', { class: 'tier' },
    h('summary', {}, h('strong', {}, tier.title), ` · ${money(tier.stipendCents)} (${money(tier.runningTotalCents)} running total)`),
    tier.description ? h('p', {}, tier.description) : null,
    tier.requires.length ? h('p', { class: 'meta' }, `Requires: ${tier.requires.join(', ')}`) : null,
    tier.requirements.map((r) => h('div', { class: 'requirement' },
      h('h3', {}, r.title), h('p', {}, r.asks), r.prompt ? h('p', { class: 'prompt' }, r.prompt) : null,
      h('p', { class: 'meta' }, `To pass: ${r.toPass}`),
      rubricTable(r, levels))));
}

export function rubricTable(r: RequirementPreview, levels: string[]): HTMLElement | null {
  if (!r.criteria.length) return null;
  return scrollTable(`Scoring guide: ${r.title}`, h('table', { class: 'rubric' },
    h('caption', {}, `Scoring guide: ${r.title}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Criterion'), levels.map((l) => h('th', { scope: 'col' }, l)))),
    h('tbody', {}, r.criteria.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.name), c.levels.map((l) => h('td', {}, l.descriptor)))))));
}
