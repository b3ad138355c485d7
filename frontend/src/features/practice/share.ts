// Sharing one's own evidence into the practice library (a passed tier's pieces, or pieces published with a badge),
// and the district administrator's setting: how far the district opens its library.
import { date } from '../../core/format';
import { t } from '../../core/i18n';
import { busy, emptyState, field, h, input, select, showError, status, textarea, toast } from '../../ui';
import { practiceApi } from './api';
import type { Audience, Facets, Shareable } from './types';

const audiences = (): Array<[Audience, string]> => [
  ['DISTRICT', t('practice.audienceDistrict')],
  ['CAIRN', t('practice.audienceCairn')],
  ['PUBLIC', t('practice.audiencePublic')],
];

export async function sharePage(): Promise<Node> {
  const [pieces, facets] = await Promise.all([practiceApi.shareable(), practiceApi.facets()]);
  const section = h('section', { class: 'practice-share' }, h('h1', {}, t('practice.share')),
    h('p', {}, t('practice.shareIntro')));
  if (!pieces.length) {
    section.append(emptyState(t('practice.nothingToShare'), h('a', { href: '/my/enrollments', class: 'button' }, t('practice.myWork'))));
  }
  const list = h('ul', { class: 'cards', 'aria-label': t('practice.yourPieces') });
  for (const s of pieces) list.append(h('li', { class: 'card' }, shareCard(s, facets)));
  if (pieces.length) section.append(list);
  section.append(h('p', {}, h('a', { href: '/practice' }, t('practice.backToLibrary'))));
  return section;
}

function shareCard(s: Shareable, facets: Facets): HTMLElement {
  const box = h('div', {});
  const e = s.evidence;
  const heading = h('h2', {}, e.kind === 'REFLECTION' ? t('practice.reflection') : e.name);
  const render = () => {
    box.replaceChildren(heading, h('p', { class: 'meta' }, `${e.templateTitle} · ${e.passed ? t('practice.tierPassed') : t('practice.published')}`));
    if (s.shared) {
      const withdraw = h('button', { type: 'button' }, t('practice.withdraw'));
      withdraw.addEventListener('click', () => void busy(withdraw, async () => {
        try { await practiceApi.withdraw(e.id); s.shared = null; toast(t('practice.withdrawn')); render(); } catch (err) { showError(box, err); }
      }));
      box.append(status(t(s.shared.author ? 'practice.sharedAs' : 'practice.sharedAsAnonymous', { date: date(s.shared.sharedAt), title: s.shared.title }), 'ok'),
        h('p', { class: 'actions' }, h('a', { href: `/practice/pieces/${encodeURIComponent(s.shared.id)}`, class: 'button' }, t('practice.openInLibrary')), withdraw),
        form(s, facets, render, t('practice.change')));
    } else {
      box.append(form(s, facets, render, t('practice.shareOpen')));
    }
  };
  render();
  return box;
}

function form(s: Shareable, facets: Facets, done: () => void, label: string): HTMLElement {
  const e = s.evidence;
  const shared = s.shared;
  const uid = `share-${e.id}`;
  const radios = (name: string, options: Array<[string, string]>, checked: string) => h('fieldset', { 'data-field': name },
    h('legend', {}, name === 'audience' ? t('practice.whoSees') : t('practice.yourName')),
    options.map(([v, l]) => h('div', { class: 'check' },
      h('input', { type: 'radio', name: `${uid}-${name}`, id: `${uid}-${name}-${v}`, value: v, checked: v === checked }),
      h('label', { for: `${uid}-${name}-${v}` }, l))));
  const title = input({ name: 'title', value: shared?.title ?? '', maxlength: 200, required: true });
  const summary = textarea({ name: 'summary', rows: 3, maxlength: 2000 });
  summary.value = shared?.summary ?? '';
  const grade = select([['', t('practice.choose')], ...facets.gradeBands.map((g): [string, string] => [g, g])], { name: 'gradeBand' }, shared?.gradeBand ?? '');
  const subject = select([['', t('practice.choose')], ...facets.subjects.map((x): [string, string] => [x, x])], { name: 'subject' }, shared?.subject ?? '');
  const confirm = h('input', { type: 'checkbox', id: `${uid}-confirm`, 'data-field': 'noStudentFacesOrNames' });
  const image = e.kind === 'IMAGE' || e.kind === 'VIDEO';
  const f = h('form', { class: 'share-form', 'aria-label': t('practice.shareLabel', { name: e.kind === 'REFLECTION' ? t('practice.reflection') : e.name }) },
    field(t('practice.titleLabel'), title, { name: 'title', hint: t('practice.titleHint') }),
    field(t('practice.summaryLabel'), summary, { name: 'summary' }),
    field(t('practice.gradeBand'), grade, { name: 'gradeBand' }),
    field(t('practice.subject'), subject, { name: 'subject' }),
    radios('audience', audiences(), shared?.audience ?? 'DISTRICT'),
    radios('anonymous', [['false', t('practice.showName')], ['true', t('practice.anonymously')]], shared ? String(!shared.author) : 'false'),
    image ? h('p', { class: 'status status-warn' }, t('practice.blurReminder')) : null,
    h('div', { class: 'check' }, confirm, h('label', { for: confirm.id }, t('practice.confirm'))),
    h('p', { class: 'field-error', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, shared ? t('practice.saveChanges') : t('practice.shareSubmit'))));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const checked = (name: string) => (f.querySelector<HTMLInputElement>(`input[name="${uid}-${name}"]:checked`)?.value ?? '');
    void busy(f.querySelector<HTMLButtonElement>('button[type=submit]'), async () => {
      try {
        s.shared = await practiceApi.share(e.id, {
          title: title.value.trim(), summary: summary.value.trim(), gradeBand: grade.value, subject: subject.value,
          anonymous: checked('anonymous') === 'true', audience: (checked('audience') || 'DISTRICT') as Audience,
          noStudentFacesOrNames: confirm.checked,
        });
        toast(t('practice.sharedToast'));
        done();
      } catch (err) { showError(f, err); }
    });
  });
  return h('details', {}, h('summary', {}, label), f);
}

export async function settingsPage(): Promise<Node> {
  const current = await practiceApi.settings();
  const options: Array<[Audience, string]> = [
    ['DISTRICT', t('practice.openDistrict')],
    ['CAIRN', t('practice.openCairn')],
    ['PUBLIC', t('practice.openPublic')],
  ];
  const f = h('form', {}, h('fieldset', { 'data-field': 'openTo' }, h('legend', {}, t('practice.whoSeesLibrary')),
    options.map(([v, l]) => h('div', { class: 'check' },
      h('input', { type: 'radio', name: 'openTo', id: `open-${v}`, value: v, checked: v === current.openTo }),
      h('label', { for: `open-${v}` }, l)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('practice.saveSettings'))));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = (f.querySelector<HTMLInputElement>('input[name="openTo"]:checked')?.value ?? 'DISTRICT') as Audience;
    void busy(f.querySelector<HTMLButtonElement>('button[type=submit]'), async () => {
      try { await practiceApi.open(value); toast(t('practice.settingsSaved')); } catch (err) { showError(f, err); }
    });
  });
  return h('section', {}, h('h1', {}, t('titles.practiceSettings')),
    h('p', {}, t('practice.settingsIntro')),
    f, h('p', {}, h('a', { href: '/practice' }, t('practice.backToLibrary'))));
}
