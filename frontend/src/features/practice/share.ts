// Sharing one's own evidence into the practice library (a passed tier's pieces, or pieces published with a badge),
// and the district administrator's setting: how far the district opens its library.
import { date } from '../../core/format';
import { busy, emptyState, field, h, input, select, showError, status, textarea, toast } from '../../ui';
import { practiceApi } from './api';
import type { Audience, Facets, Shareable } from './types';

const AUDIENCES: Array<[Audience, string]> = [
  ['DISTRICT', 'Colleagues in my district'],
  ['CAIRN', 'Also teachers in other Cairn districts, if my district opens its library to them'],
  ['PUBLIC', 'Also anyone on the public page, if my district opens its library to the public'],
];

export async function sharePage(): Promise<Node> {
  const [pieces, facets] = await Promise.all([practiceApi.shareable(), practiceApi.facets()]);
  const section = h('section', { class: 'practice-share' }, h('h1', {}, 'Share your practice'),
    h('p', {}, 'Share a lesson plan, a resource or a reflection from a tier that passed (or a piece you published with your badge) so colleagues can use it. You choose who sees it and whether your name shows; you can withdraw it at any time.'));
  if (!pieces.length) {
    section.append(emptyState('Nothing to share yet: pieces can be shared once their tier has passed review.', h('a', { href: '/my/enrollments', class: 'button' }, 'My work')));
  }
  const list = h('ul', { class: 'cards', 'aria-label': 'Your pieces' });
  for (const s of pieces) list.append(h('li', { class: 'card' }, shareCard(s, facets)));
  if (pieces.length) section.append(list);
  section.append(h('p', {}, h('a', { href: '/practice' }, '← Practice library')));
  return section;
}

function shareCard(s: Shareable, facets: Facets): HTMLElement {
  const box = h('div', {});
  const e = s.evidence;
  const heading = h('h2', {}, e.kind === 'REFLECTION' ? 'Written reflection' : e.name);
  const render = () => {
    box.replaceChildren(heading, h('p', { class: 'meta' }, `${e.templateTitle} · ${e.passed ? 'tier passed' : 'published with your badge'}`));
    if (s.shared) {
      const withdraw = h('button', { type: 'button' }, 'Withdraw from the library');
      withdraw.addEventListener('click', () => void busy(withdraw, async () => {
        try { await practiceApi.withdraw(e.id); s.shared = null; toast('Withdrawn: it is no longer in the library'); render(); } catch (err) { showError(box, err); }
      }));
      box.append(status(`Shared ${date(s.shared.sharedAt)} as “${s.shared.title}”, ${s.shared.author ? 'with your name' : 'anonymously'}.`, 'ok'),
        h('p', { class: 'actions' }, h('a', { href: `/practice/pieces/${encodeURIComponent(s.shared.id)}`, class: 'button' }, 'Open it in the library'), withdraw),
        form(s, facets, render, 'Change how it is shared'));
    } else {
      box.append(form(s, facets, render, 'Share…'));
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
    h('legend', {}, name === 'audience' ? 'Who may see it' : 'Your name'),
    options.map(([v, l]) => h('div', { class: 'check' },
      h('input', { type: 'radio', name: `${uid}-${name}`, id: `${uid}-${name}-${v}`, value: v, checked: v === checked }),
      h('label', { for: `${uid}-${name}-${v}` }, l))));
  const title = input({ name: 'title', value: shared?.title ?? '', maxlength: 200, required: true });
  const summary = textarea({ name: 'summary', rows: 3, maxlength: 2000 });
  summary.value = shared?.summary ?? '';
  const grade = select([['', 'Choose…'], ...facets.gradeBands.map((g): [string, string] => [g, g])], { name: 'gradeBand' }, shared?.gradeBand ?? '');
  const subject = select([['', 'Choose…'], ...facets.subjects.map((x): [string, string] => [x, x])], { name: 'subject' }, shared?.subject ?? '');
  const confirm = h('input', { type: 'checkbox', id: `${uid}-confirm`, 'data-field': 'noStudentFacesOrNames' });
  const image = e.kind === 'IMAGE' || e.kind === 'VIDEO';
  const f = h('form', { class: 'share-form', 'aria-label': `Share ${e.kind === 'REFLECTION' ? 'written reflection' : e.name}` },
    field('Title colleagues will see', title, { name: 'title', hint: 'For example “Fraction stations: lesson plan for grade 4”.' }),
    field('What it is and how to use it (optional)', summary, { name: 'summary' }),
    field('Grade band', grade, { name: 'gradeBand' }),
    field('Subject', subject, { name: 'subject' }),
    radios('audience', AUDIENCES, shared?.audience ?? 'DISTRICT'),
    radios('anonymous', [['false', 'Show my name'], ['true', 'Share anonymously']], shared ? String(!shared.author) : 'false'),
    image ? h('p', { class: 'status status-warn' }, 'Photos and videos: blur or crop out students’ faces and names (on work, name tags and screens) before you share.') : null,
    h('div', { class: 'check' }, confirm, h('label', { for: confirm.id }, 'No student’s face or name shows in this piece')),
    h('p', { class: 'field-error', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, shared ? 'Save changes' : 'Share in the library')));
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
        toast('Shared in the practice library');
        done();
      } catch (err) { showError(f, err); }
    });
  });
  return h('details', {}, h('summary', {}, label), f);
}

export async function settingsPage(): Promise<Node> {
  const current = await practiceApi.settings();
  const options: Array<[Audience, string]> = [
    ['DISTRICT', 'Our district only'],
    ['CAIRN', 'Also other Cairn districts (pieces their teachers chose to share beyond the district)'],
    ['PUBLIC', 'Also the public page (pieces their teachers chose to share publicly)'],
  ];
  const f = h('form', {}, h('fieldset', { 'data-field': 'openTo' }, h('legend', {}, 'Who may see our practice library'),
    options.map(([v, l]) => h('div', { class: 'check' },
      h('input', { type: 'radio', name: 'openTo', id: `open-${v}`, value: v, checked: v === current.openTo }),
      h('label', { for: `open-${v}` }, l)))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save')));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = (f.querySelector<HTMLInputElement>('input[name="openTo"]:checked')?.value ?? 'DISTRICT') as Audience;
    void busy(f.querySelector<HTMLButtonElement>('button[type=submit]'), async () => {
      try { await practiceApi.open(value); toast('Saved: the library is ' + (value === 'DISTRICT' ? 'for the district only' : value === 'CAIRN' ? 'open to other Cairn districts' : 'open to other districts and the public page')); } catch (err) { showError(f, err); }
    });
  });
  return h('section', {}, h('h1', {}, 'Practice library settings'),
    h('p', {}, 'Teachers choose for each piece who may see it; this setting decides how far that choice may reach. Closing the library again takes the pieces off other districts’ searches and the public page at once.'),
    f, h('p', {}, h('a', { href: '/practice' }, '← Practice library')));
}
