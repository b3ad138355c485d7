// Finding practice: the library's search (signed in: the district's pieces and those other districts opened; public:
// only pieces shared publicly), a piece with its file, reflection or link, and the reader's Saved list. Everything a
// teacher or another district wrote is shown as text; files open from the service, which serves them inert.
import { has, navigate, session } from '../../core/app';
import { date } from '../../core/format';
import { t } from '../../core/i18n';
import { busy, emptyState, field, growingList, h, input, pagedList, select, showError, toast } from '../../ui';
import { practiceApi } from './api';
import type { Facets, Piece } from './types';

const FILTERS = ['q', 'cluster', 'standard', 'grade', 'subject'] as const;

export async function library(q: URLSearchParams, pub: boolean): Promise<Node> {
  const filters = new URLSearchParams();
  for (const f of FILTERS) { const v = q.get(f)?.trim(); if (v) filters.set(f, v); }
  const facets = await practiceApi.facets(pub);
  const here = pub ? '/practice/public' : '/practice';
  const form = filterForm(facets, q, here);
  const active = FILTERS.filter((f) => filters.get(f)).length;
  const box = h('details', { class: 'filters-box', open: active > 0 || window.innerWidth >= 700 },
    h('summary', {}, active ? t('practice.filtersInUse', { count: active }) : t('practice.filters')), form);
  const list = growingList<Piece, 'ul'>('ul', { class: 'cards', 'aria-label': t('practice.pieces') }, (p) => card(p, pub));
  const paged = await pagedList<Piece>({
    load: (page, size) => practiceApi.search(filters, page, size, pub),
    append: (rows) => list.append(rows),
    noun: 'pieces',
  });
  const intro = pub
    ? h('p', {}, t('practice.publicIntro'))
    : h('p', {}, t('practice.intro'));
  const links = pub ? null : h('p', { class: 'actions' },
    h('a', { href: '/practice/saved', class: 'button' }, t('practice.saved')),
    has('TEACHER') ? h('a', { href: '/practice/share', class: 'button' }, t('practice.share')) : null,
    has('DISTRICT_ADMIN') ? h('a', { href: '/practice/settings', class: 'button' }, t('practice.settings')) : null);
  return h('section', { class: 'practice' }, h('h1', {}, pub ? t('practice.publicTitle') : t('practice.library')), intro, links, box,
    paged.items.length ? list.element : emptyState(active ? t('practice.noMatch') : t('practice.nothingYet')),
    paged.footer);
}

function filterForm(facets: Facets, q: URLSearchParams, here: string): HTMLFormElement {
  const any: [string, string] = ['', t('practice.any')];
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('practice.searchLabel') },
    field(t('practice.words'), input({ name: 'q', type: 'search', value: q.get('q') ?? '' })),
    field(t('practice.cluster'), select([any, ...facets.clusters.map((c): [string, string] => [c.code, `${c.code.replace('FFT.', '')} ${c.name}`])], { name: 'cluster' }, q.get('cluster') ?? '')),
    field(t('practice.standard'), select([any, ...facets.standards.map((s): [string, string] => [s.code, `${s.name} (${s.code.startsWith('LF2022') ? '2022' : '2011'})`])], { name: 'standard' }, q.get('standard') ?? '')),
    field(t('practice.gradeBand'), select([any, ...facets.gradeBands.map((g): [string, string] => [g, g])], { name: 'grade' }, q.get('grade') ?? '')),
    field(t('practice.subject'), select([any, ...facets.subjects.map((s): [string, string] => [s, s])], { name: 'subject' }, q.get('subject') ?? '')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('practice.search')), h('a', { href: here, class: 'button' }, t('practice.clear'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (String(v).trim()) params.set(k, String(v).trim()); });
    navigate(`${here}${params.toString() ? '?' + params : ''}`);
  });
  return form;
}

const KINDS = ['REFLECTION', 'LINK', 'IMAGE', 'PDF', 'VIDEO', 'AUDIO', 'DOCUMENT', 'SPREADSHEET', 'PRESENTATION', 'TEXT', 'FILE'] as const;
type Kind = typeof KINDS[number];
const kindName = (k: string) => t(`practice.kinds.${(KINDS as readonly string[]).includes(k) ? k as Kind : 'FILE'}`);
const author = (p: Piece) => p.author ?? t('practice.anonymous');
const clusterLabel = (c: { code: string; name: string }) => `${c.code.replace('FFT.', '')} ${c.name}`;

function card(p: Piece, pub: boolean): HTMLElement {
  return h('li', { class: 'card' },
    h('h2', {}, h('a', { href: pub ? `/practice/public/${encodeURIComponent(p.id)}` : `/practice/pieces/${encodeURIComponent(p.id)}` }, p.title)),
    h('p', { class: 'meta' }, `${kindName(p.kind)} · ${p.gradeBand} · ${p.subject}`),
    p.microcredential ? h('p', { class: 'meta' }, t('practice.from', { name: p.microcredential })) : null,
    h('p', { class: 'meta' }, `${author(p)}${p.ownDistrict ? '' : ` · ${p.districtName}`} · ${t('practice.sharedOn', { date: date(p.sharedAt) })}`),
    p.saved ? h('p', { class: 'meta' }, t('practice.saved')) : null,
    p.clusters.length ? h('ul', { class: 'tags', 'aria-label': t('practice.clusters') }, p.clusters.map((c) => h('li', {}, clusterLabel(c)))) : null);
}

export async function piecePage(id: string, pub: boolean): Promise<Node> {
  const p = await practiceApi.piece(id, pub);
  const section = h('section', { class: 'practice-piece' }, h('h1', {}, p.title),
    h('p', { class: 'meta' }, `${kindName(p.kind)} · ${p.gradeBand} · ${p.subject} · ${author(p)}${p.ownDistrict ? '' : ` · ${p.districtName}`} · ${t('practice.sharedOn', { date: date(p.sharedAt) })}`));
  if (p.summary) section.append(h('p', {}, p.summary));
  section.append(h('h2', {}, t('practice.thePiece')), content(p));
  section.append(h('h2', {}, t('practice.whereFrom')),
    h('p', {}, `${t('practice.producedFor')} `,
      p.templateId && !pub ? h('a', { href: `/catalog/${encodeURIComponent(p.templateId)}` }, p.microcredential ?? t('practice.aMicrocredential')) : h('strong', {}, p.microcredential ?? t('practice.aMicrocredential')),
      p.tierTitle ? `, ${p.tierTitle}` : '', p.requirementTitle ? ` (${p.requirementTitle})` : '', '.'));
  if (p.clusters.length) section.append(h('h3', {}, t('practice.clusters')), h('ul', {}, p.clusters.map((c) => h('li', {}, clusterLabel(c)))));
  if (p.standards.length) section.append(h('h3', {}, t('practice.standards')), h('ul', {}, p.standards.map((s) => h('li', {}, `${s.name} (${s.code})`))));
  if (!pub) {
    const save = h('button', { type: 'button', class: p.saved ? '' : 'primary', 'aria-pressed': String(p.saved) }, p.saved ? t('practice.saved') : t('practice.save'));
    save.addEventListener('click', () => void busy(save, async () => {
      try {
        if (p.saved) await practiceApi.unsave(p.id); else await practiceApi.save(p.id);
        p.saved = !p.saved;
        save.textContent = p.saved ? t('practice.saved') : t('practice.save');
        save.setAttribute('aria-pressed', String(p.saved));
        save.className = p.saved ? '' : 'primary';
        toast(p.saved ? t('practice.savedToast') : t('practice.unsavedToast'));
      } catch (err) { showError(section, err); }
    }));
    section.insertBefore(h('p', { class: 'actions' }, save, p.mine ? h('a', { href: '/practice/share', class: 'button' }, t('practice.changeOrWithdraw')) : null), section.children[2] ?? null);
  }
  section.append(h('p', {}, h('a', { href: pub ? '/practice/public' : '/practice' }, pub ? t('practice.backToPublic') : t('practice.backToLibrary')),
    !pub ? [' · ', h('a', { href: '/practice/saved' }, t('practice.saved'))] : null,
    pub && !session.me ? [' · ', h('a', { href: '/sign-in' }, t('practice.signInToDistrict'))] : null));
  return section;
}

function content(p: Piece): HTMLElement {
  if (p.kind === 'REFLECTION') {
    return h('div', { class: 'reflection' }, (p.text ?? '').split(/\n{2,}/).map((para) => h('p', {}, para)));
  }
  if (p.kind === 'LINK') {
    const url = p.url ?? '';
    return /^https?:\/\//i.test(url)
      ? h('p', {}, h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url, h('span', { class: 'sr-only' }, t('practice.newTab'))))
      : h('p', {}, url);
  }
  const size = p.sizeBytes == null ? '' : p.sizeBytes < 1024 * 1024 ? `${Math.max(1, Math.round(p.sizeBytes / 1024))} KB` : `${(p.sizeBytes / 1024 / 1024).toFixed(1)} MB`;
  const open = h('a', { href: p.contentUrl, class: 'button', target: '_blank', rel: 'noopener' },
    t('practice.open', { name: p.fileName ?? t('practice.theFile') }), h('span', { class: 'sr-only' }, ` · ${kindName(p.kind)}${size ? `, ${size}` : ''}${t('practice.newTab')}`));
  if (p.kind === 'IMAGE') {
    return h('div', {}, h('img', { src: p.contentUrl, alt: t('practice.picture', { title: p.title }), class: 'practice-image' }), h('p', {}, open));
  }
  return h('p', {}, open, size ? h('span', { class: 'meta' }, ` ${kindName(p.kind)}, ${size}`) : null);
}

export async function savedPage(): Promise<Node> {
  const list = growingList<Piece, 'ul'>('ul', { class: 'cards', 'aria-label': t('practice.savedPiecesLabel') }, (p) => card(p, false));
  const paged = await pagedList<Piece>({ load: (page, size) => practiceApi.saved(page, size), append: (rows) => list.append(rows), noun: 'savedPieces' });
  return h('section', {}, h('h1', {}, t('practice.savedTitle')),
    paged.items.length ? list.element : emptyState(t('practice.savedNothing'), h('a', { href: '/practice', class: 'button' }, t('practice.browse'))),
    paged.footer,
    h('p', {}, h('a', { href: '/practice' }, t('practice.backToLibrary'))));
}
