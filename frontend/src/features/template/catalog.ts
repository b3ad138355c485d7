// The catalog and a microcredential's page: what it takes per tier, what it pays, how it is scored.
import { has, navigate } from '../../core/app';
import { money } from '../../core/format';
import type { CatalogueItem, RequirementPreview, TierPreview } from './types';
import { append, busy, field, growingList, h, input, markdown, pagedList, select, showError, scrollTable } from '../../ui';
import { templateApi } from './api';
import { enrollmentApi } from '../enrollment/api';
import { recommendedStrip } from '../plan/recommendations';
import { t } from '../../core/i18n';
import { payLine, paySummary } from '../pay/describe';

const FILTERS = ['q', 'standard', 'cluster', 'subject', 'gradeBand', 'stipendMin'] as const;

export async function catalogue(_: unknown, q: URLSearchParams): Promise<Node> {
  const query = new URLSearchParams();
  for (const f of FILTERS) { const v = q.get(f); if (v) query.set(f, f === 'stipendMin' ? String(Number(v) * 100) : v); }
  const cards = growingList('ul', { class: 'cards' }, (tpl: CatalogueItem) => h('li', { class: 'card' },
    tpl.artwork ? h('img', { src: tpl.artwork, alt: '', width: 64, height: 64 }) : null,
    h('h2', {}, h('a', { href: `/catalog/${tpl.id}` }, tpl.title)),
    h('p', {}, tpl.summary),
    h('p', { class: 'meta' }, t('template.catalog.tiers', { tiers: t('template.catalog.tierCount', { count: tpl.tierCount }),
      stipend: tpl.totalStipendCents ? t('template.catalog.upTo', { amount: money(tpl.totalStipendCents) }) : t('template.catalog.noStipend') }),
      tpl.proposalRequired ? t('template.catalog.proposalFirst') : ''),
    tpl.tiers.some((x) => x.pay && x.pay.kind !== 'NONE' && x.pay.kind !== 'STIPEND') ? h('p', { class: 'meta pays' }, t('pay.describe.pays', { pays: paySummary(tpl.tiers.map((x) => x.pay)) })) : null,
    h('ul', { class: 'tags', 'aria-label': t('template.catalog.alignments') }, tpl.alignments.slice(0, 4).map((a) => h('li', {}, a.targetName)))));
  const paged = (page: number, size: number) => {
    const one = new URLSearchParams(query);
    one.set('page', String(page)); one.set('size', String(size));
    return templateApi.catalog(one);
  };
  // the filters' choices and the counts come from the whole catalog; the list itself a page at a time
  const [facets, pager] = await Promise.all([templateApi.facets(query),
    pagedList<CatalogueItem>({ load: paged, append: cards.append, noun: 'microcredentials' })]);
  const opts = (xs: string[]): Array<[string, string]> => [['', t('template.catalog.any')], ...xs.map((x): [string, string] => [x, x])];
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('template.catalog.filterLabel') },
    field(t('template.catalog.search'), input({ name: 'q', type: 'search', value: q.get('q') ?? '' })),
    field(t('template.catalog.standard'), select(opts(facets.standards), { name: 'standard' }, q.get('standard') ?? '')),
    field(t('template.catalog.cluster'), select(opts(facets.clusters), { name: 'cluster' }, q.get('cluster') ?? '')),
    field(t('template.catalog.subject'), select(opts(facets.subjects), { name: 'subject' }, q.get('subject') ?? '')),
    field(t('template.catalog.gradeBand'), select(opts(facets.gradeBands), { name: 'gradeBand' }, q.get('gradeBand') ?? '')),
    field(t('template.catalog.stipendMin'), input({ name: 'stipendMin', type: 'number', min: 0, step: 25, inputmode: 'numeric', value: q.get('stipendMin') ?? '' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('template.catalog.apply')), h('a', { href: '/catalog', class: 'button' }, t('template.catalog.clear'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (String(v).trim()) params.set(k, String(v).trim()); });
    navigate(`/catalog${params.toString() ? '?' + params : ''}`);
  });
  const active = FILTERS.filter((f) => q.get(f)).length;
  // open on wide screens or when filters are in use; folded on a phone so the list comes first
  const box = h('details', { class: 'filters-box', open: active > 0 || window.innerWidth >= 700 },
    h('summary', {}, active ? t('template.catalog.filtersInUse', { active: active }) : t('template.catalog.filters')), form);
  return h('section', {}, h('h1', {}, t('template.catalog.title')),
    // learning plans (org.cairn.plan): what the teacher's plan and the district's survey point to
    has('TEACHER') ? recommendedStrip() : null,
    box,
    h('p', { role: 'status' }, t('template.catalog.shownOf', { shownCount: facets.matching, allCount: facets.total })),
    cards.element, pager.footer);
}

// ---- template page ---------------------------------------------------------------------------------------------

export async function templatePage(p: { id: string }): Promise<Node> {
  const [tpl, mine] = await Promise.all([templateApi.preview(p.id), enrollmentApi.mine(0, 500)]);
  const existing = mine.find((e) => e.familyId === tpl.familyId && e.state !== 'DECLINED');
  const start = h('button', { type: 'button', class: 'primary' }, tpl.proposalRequired ? t('template.catalog.startProposal') : t('template.catalog.start'));
  const section = h('section', {});
  start.addEventListener('click', () => void busy(start, async () => {
    try {
      const e = await enrollmentApi.start(tpl.id);
      navigate(`/my/enrollments/${e.id}`);
    } catch (err) { showError(section, err); }
  }));
  append(section, [
    h('div', { class: 'title-row' }, tpl.artwork ? h('img', { src: tpl.artwork, alt: '', width: 96, height: 96 }) : null,
      h('div', {}, h('h1', {}, tpl.title), h('p', {}, tpl.summary))),
    h('p', {}, existing ? h('a', { href: `/my/enrollments/${existing.id}`, class: 'button primary' }, t('template.catalog.continue')) : start),
    h('h2', {}, t('template.catalog.whatPays')),
    h('p', {}, t('template.catalog.upToAll', { amount: money(tpl.totalStipendCents) }), tpl.validFor ? t('template.catalog.validFor', { validFor: tpl.validFor }) : ''),
    h('ul', { class: 'pays', 'aria-label': t('pay.describe.perTier') }, tpl.tiers.map((tier) => h('li', {}, h('strong', {}, `${tier.title}: `), payLine(tier.pay)))),
    h('h2', {}, t('template.catalog.whatTakes')),
    tpl.proposalRequired ? h('p', {}, t('template.catalog.proposalFirstDetail')) : null,
    tpl.tiers.map((tier) => tierDetails(tier, tpl.levels)),
    tpl.criteria ? h('details', { class: 'tier' }, h('summary', {}, t('template.catalog.fullCriteria')), markdown(tpl.criteria)) : null,
    tpl.alignments.length ? [h('h2', {}, t('template.catalog.alignedTo')), h('ul', {}, tpl.alignments.map((a) => h('li', {}, a.targetCode ? `${a.targetName} (${a.targetCode})` : a.targetName, a.targetFramework ? ` — ${a.targetFramework}` : '')))] : null]);
  return section;
}

function tierDetails(tier: TierPreview, levels: string[]): HTMLElement {
  return h('details', { class: 'tier' },
    h('summary', {}, h('strong', {}, tier.title), t('template.catalog.runningTotal', { stipendCents: money(tier.stipendCents), runningTotalCents: money(tier.runningTotalCents) })),
    tier.description ? h('p', {}, tier.description) : null,
    tier.requires.length ? h('p', { class: 'meta' }, t('template.catalog.requires', { join: tier.requires.join(', ') })) : null,
    tier.requirements.map((r) => h('div', { class: 'requirement' },
      h('h3', {}, r.title), h('p', {}, r.asks), r.prompt ? h('p', { class: 'prompt' }, r.prompt) : null,
      h('p', { class: 'meta' }, t('template.catalog.toPass', { toPass: r.toPass })),
      rubricTable(r, levels))));
}

export function rubricTable(r: RequirementPreview, levels: string[]): HTMLElement | null {
  if (!r.criteria.length) return null;
  return scrollTable(t('template.catalog.scoringGuide', { title: r.title }), h('table', { class: 'rubric' },
    h('caption', {}, t('template.catalog.scoringGuide', { title: r.title })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('template.catalog.criterion')), levels.map((l) => h('th', { scope: 'col' }, l)))),
    h('tbody', {}, r.criteria.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.name), c.levels.map((l) => h('td', {}, l.descriptor)))))));
}
