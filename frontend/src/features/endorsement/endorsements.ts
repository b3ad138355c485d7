// A district administrator's endorsements: endorse another district's badge or issuer (or one elsewhere, by its
// address) with a comment; withdraw what the district endorsed; accept or hide what other districts endorsed of it.
// Everything another district wrote (names, comments) is shown as text, never as Markdown or HTML.
import { date } from '../../core/format';
import { busy, emptyState, field, h, input, select, showError, status, textarea, toast } from '../../ui';
import { endorsementApi } from './api';
import type { Endorsement, TargetDistrict } from './types';

const STATUS: Record<Endorsement['status'], string> = {
  pending: 'Waiting for their decision', accepted: 'Accepted: shown on their badge pages', hidden: 'Hidden by them',
  external: 'Published (an issuer outside Cairn)',
};

export async function endorsements(): Promise<Node> {
  const [targets, sent, incoming] = await Promise.all([endorsementApi.targets(), endorsementApi.sent(), endorsementApi.incoming()]);
  const section = h('section', { class: 'narrow endorsements' }, h('h1', {}, 'Endorsements'),
    h('p', {}, 'Vouch for another district’s badges, and decide which endorsements of your own badges appear on them.'));

  // ---- endorse
  const options: Array<[string, string]> = [['', 'Choose a district’s badge or the district itself']];
  for (const d of targets as TargetDistrict[]) {
    options.push([d.issuerUrl, `${d.name} (the district as an issuer)`]);
    for (const b of d.badges) options.push([b.url, `${d.name}: ${b.name}`]);
  }
  const pick = select(options);
  const url = input({ type: 'url', placeholder: 'https://badges.example.org/badge.json', autocomplete: 'off' });
  const comment = textarea({ rows: 3, maxlength: 2000 });
  const outcome = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Endorse');
  const form = h('form', { novalidate: true, class: 'card', 'aria-labelledby': 'endorse-h' },
    h('h2', { id: 'endorse-h' }, 'Endorse a badge or an issuer'),
    field('A Cairn district’s badge', pick, { name: 'target' }),
    field('Or the address of any Open Badges badge or issuer', url, { hint: 'A badge class, achievement or issuer profile published anywhere; it is read once to check what it is.' }),
    field('Your comment', comment, { name: 'comment', hint: 'Plain text, shown as written on the badge page once they accept.' }),
    submit, outcome);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      outcome.replaceChildren();
      const target = url.value.trim() || pick.value;
      if (!target) { outcome.replaceChildren(status('Choose a badge or paste an address to endorse.', 'warn')); return; }
      try {
        const made = await endorsementApi.endorse(target, comment.value.trim());
        if (!sent.some((x) => x.id === made.id)) { sent.unshift(made); sentList.prepend(sentRow(made)); }
        sentEmpty.remove();
        outcome.replaceChildren(status(`You endorsed “${made.targetName}”.`, 'ok'));
        url.value = ''; comment.value = ''; pick.value = '';
      } catch (err) { showError(form, err); }
    });
  });

  // ---- what the district endorsed
  const sentList = h('ul', { class: 'endorsement-list', 'aria-label': 'Endorsements you gave' });
  const sentEmpty = emptyState('Your district has not endorsed anything yet.');
  const sentRow = (e: Endorsement): HTMLElement => {
    const li = h('li', { class: 'card' },
      h('h3', {}, e.targetName), e.targetDistrictName ? h('p', { class: 'meta' }, e.targetDistrictName) : null,
      e.comment ? h('blockquote', {}, e.comment) : null,
      h('p', { class: 'meta' }, `Endorsed on ${date(e.issuedOn)}. `,
        e.withdrawn ? `Withdrawn on ${date(e.withdrawnAt)}.` : STATUS[e.status]),
      h('p', { class: 'actions' }, h('a', { href: e.url, rel: 'noopener' }, 'Open Badges 2.0 endorsement'),
        h('a', { href: e.credentialUrl, rel: 'noopener' }, 'Open Badges 3.0 credential')));
    if (!e.withdrawn) {
      const withdraw = h('button', { type: 'button', class: 'danger' }, `Withdraw endorsement of ${e.targetName}`);
      withdraw.addEventListener('click', () => void busy(withdraw, async () => {
        try {
          const done = await endorsementApi.withdraw(e.id);
          li.replaceWith(sentRow(done));
          toast(`Withdrawn: ${done.targetName}.`);
        } catch (err) { showError(li, err); }
      }));
      li.append(h('p', { class: 'actions' }, withdraw));
    }
    return li;
  };
  sentList.append(...sent.map(sentRow));

  // ---- what others endorsed of this district
  const inList = h('ul', { class: 'endorsement-list', 'aria-label': 'Endorsements of your district' });
  const inRow = (e: Endorsement): HTMLElement => {
    const li = h('li', { class: 'card' },
      h('h3', {}, `${e.endorserName} endorsed ${e.targetName}`),
      e.comment ? h('blockquote', {}, e.comment) : null,
      h('p', { class: 'meta' }, `On ${date(e.issuedOn)}. `, e.withdrawn ? `${e.endorserName} withdrew it.` :
        e.status === 'accepted' ? 'Accepted: shown on your badge pages.' : e.status === 'hidden' ? 'Hidden: not shown anywhere.' : 'Waiting for your decision.'));
    if (!e.withdrawn) {
      const buttons = h('p', { class: 'actions' });
      if (e.status !== 'accepted') buttons.append(decision(e, 'accept', `Accept endorsement from ${e.endorserName}`, li));
      if (e.status !== 'hidden') buttons.append(decision(e, 'hide', `Hide endorsement from ${e.endorserName}`, li));
      li.append(buttons);
    }
    return li;
  };
  const decision = (e: Endorsement, d: 'accept' | 'hide', label: string, li: HTMLElement): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: d === 'accept' ? 'primary' : '' }, label);
    b.addEventListener('click', () => void busy(b, async () => {
      try {
        const done = await endorsementApi.decide(e.id, d);
        li.replaceWith(inRow(done));
        toast(d === 'accept' ? `Accepted: ${done.endorserName}’s endorsement now shows on your badge pages.` : `Hidden: ${done.endorserName}’s endorsement.`);
      } catch (err) { showError(li, err); }
    }));
    return b;
  };
  inList.append(...incoming.map(inRow));

  section.append(form,
    h('h2', {}, 'Endorsements of your district'), incoming.length ? inList : emptyState('No district has endorsed your badges yet.'),
    h('h2', {}, 'Endorsements you gave'), ...(sent.length ? [] : [sentEmpty]), sentList);
  return section;
}
