// A district administrator's endorsements: endorse another district's badge or issuer (or one elsewhere, by its
// address) with a comment; withdraw what the district endorsed; accept or hide what other districts endorsed of it.
// Everything another district wrote (names, comments) is shown as text, never as Markdown or HTML.
import { date } from '../../core/format';
import { busy, emptyState, field, h, input, select, showError, status, textarea, toast } from '../../ui';
import { endorsementApi } from './api';
import type { Endorsement, TargetDistrict } from './types';
import { t } from '../../core/i18n';

const STATUS = (): Record<Endorsement['status'], string> => ({
  pending: t('endorsement.endorsements.pending'), accepted: t('endorsement.endorsements.accepted'), hidden: t('endorsement.endorsements.hidden'),
  external: t('endorsement.endorsements.external'),
});

export async function endorsements(): Promise<Node> {
  const [targets, sent, incoming] = await Promise.all([endorsementApi.targets(), endorsementApi.sent(), endorsementApi.incoming()]);
  const section = h('section', { class: 'narrow endorsements' }, h('h1', {}, t('endorsement.endorsements.title')),
    h('p', {}, t('endorsement.endorsements.intro')));

  // ---- endorse
  const options: Array<[string, string]> = [['', t('endorsement.endorsements.choose')]];
  for (const d of targets as TargetDistrict[]) {
    options.push([d.issuerUrl, t('endorsement.endorsements.asIssuer', { name: d.name })]);
    for (const b of d.badges) options.push([b.url, `${d.name}: ${b.name}`]);
  }
  const pick = select(options);
  const url = input({ type: 'url', placeholder: 'https://badges.example.org/badge.json', autocomplete: 'off' });
  const comment = textarea({ rows: 3, maxlength: 2000 });
  const outcome = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('endorsement.endorsements.endorse'));
  const form = h('form', { novalidate: true, class: 'card', 'aria-labelledby': 'endorse-h' },
    h('h2', { id: 'endorse-h' }, t('endorsement.endorsements.formTitle')),
    field(t('endorsement.endorsements.cairnBadge'), pick, { name: 'target' }),
    field(t('endorsement.endorsements.orAddress'), url, { hint: t('endorsement.endorsements.orAddressHint') }),
    field(t('endorsement.endorsements.comment'), comment, { name: 'comment', hint: t('endorsement.endorsements.commentHint') }),
    submit, outcome);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      outcome.replaceChildren();
      const target = url.value.trim() || pick.value;
      if (!target) { outcome.replaceChildren(status(t('endorsement.endorsements.chooseOrPaste'), 'warn')); return; }
      try {
        const made = await endorsementApi.endorse(target, comment.value.trim());
        if (!sent.some((x) => x.id === made.id)) { sent.unshift(made); sentList.prepend(sentRow(made)); }
        sentEmpty.remove();
        outcome.replaceChildren(status(t('endorsement.endorsements.endorsed', { targetName: made.targetName }), 'ok'));
        url.value = ''; comment.value = ''; pick.value = '';
      } catch (err) { showError(form, err); }
    });
  });

  // ---- what the district endorsed
  const sentList = h('ul', { class: 'endorsement-list', 'aria-label': t('endorsement.endorsements.gave') });
  const sentEmpty = emptyState(t('endorsement.endorsements.noneGiven'));
  const sentRow = (e: Endorsement): HTMLElement => {
    const li = h('li', { class: 'card' },
      h('h3', {}, e.targetName), e.targetDistrictName ? h('p', { class: 'meta' }, e.targetDistrictName) : null,
      e.comment ? h('blockquote', {}, e.comment) : null,
      h('p', { class: 'meta' }, t('endorsement.endorsements.endorsedOn', { issuedOn: date(e.issuedOn) }),
        e.withdrawn ? t('endorsement.endorsements.withdrawnOn', { withdrawnAt: date(e.withdrawnAt) }) : STATUS()[e.status]),
      h('p', { class: 'actions' }, h('a', { href: e.url, rel: 'noopener' }, t('endorsement.endorsements.ob2')),
        h('a', { href: e.credentialUrl, rel: 'noopener' }, t('endorsement.endorsements.ob3'))));
    if (!e.withdrawn) {
      const withdraw = h('button', { type: 'button', class: 'danger' }, t('endorsement.endorsements.withdraw', { targetName: e.targetName }));
      withdraw.addEventListener('click', () => void busy(withdraw, async () => {
        try {
          const done = await endorsementApi.withdraw(e.id);
          li.replaceWith(sentRow(done));
          toast(t('endorsement.endorsements.withdrawn', { targetName: done.targetName }));
        } catch (err) { showError(li, err); }
      }));
      li.append(h('p', { class: 'actions' }, withdraw));
    }
    return li;
  };
  sentList.append(...sent.map(sentRow));

  // ---- what others endorsed of this district
  const inList = h('ul', { class: 'endorsement-list', 'aria-label': t('endorsement.endorsements.received') });
  const inRow = (e: Endorsement): HTMLElement => {
    const li = h('li', { class: 'card' },
      h('h3', {}, t('endorsement.endorsements.endorsedBy', { endorser: e.endorserName, target: e.targetName })),
      e.comment ? h('blockquote', {}, e.comment) : null,
      h('p', { class: 'meta' }, t('endorsement.endorsements.on', { issuedOn: date(e.issuedOn) }), e.withdrawn ? t('endorsement.endorsements.withdrew', { endorserName: e.endorserName }) :
        e.status === 'accepted' ? t('endorsement.endorsements.acceptedYours') : e.status === 'hidden' ? t('endorsement.endorsements.hiddenYours') : t('endorsement.endorsements.waitingYours')));
    if (!e.withdrawn) {
      const buttons = h('p', { class: 'actions' });
      if (e.status !== 'accepted') buttons.append(decision(e, 'accept', t('endorsement.endorsements.accept', { endorserName: e.endorserName }), li));
      if (e.status !== 'hidden') buttons.append(decision(e, 'hide', t('endorsement.endorsements.hide', { endorserName: e.endorserName }), li));
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
        toast(d === 'accept' ? t('endorsement.endorsements.acceptedToast', { endorserName: done.endorserName }) : t('endorsement.endorsements.hiddenToast', { endorserName: done.endorserName }));
      } catch (err) { showError(li, err); }
    }));
    return b;
  };
  inList.append(...incoming.map(inRow));

  section.append(form,
    h('h2', {}, t('endorsement.endorsements.received')), incoming.length ? inList : emptyState(t('endorsement.endorsements.noneReceived')),
    h('h2', {}, t('endorsement.endorsements.gave')), ...(sent.length ? [] : [sentEmpty]), sentList);
  return section;
}
