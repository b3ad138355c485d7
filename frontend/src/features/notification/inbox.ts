// The notifications inbox: newest first, unread ones marked, each opens what it is about and is marked read; the
// header shows how many are unread. Which notices also come by email is chosen here too.
import { headerHooks } from '../../core/app';
import { date } from '../../core/format';
import { append, busy, emptyState, h, pagedList, showError, toast } from '../../ui';
import { notificationApi, type Notice } from './api';
import { t } from '../../core/i18n';

const KINDS = (): Array<[string, string]> => ([['PROPOSAL_DECIDED', t('notification.inbox.proposalDecided')], ['SUBMISSION_ARRIVED', t('notification.inbox.submissionArrived')],
  ['TIER_PASSED', t('notification.inbox.tierPassed')], ['TIER_RETURNED', t('notification.inbox.tierReturned')], ['BADGE_EXPIRING', t('notification.inbox.badgeExpiring')],
  ['WORK_DUE', t('notification.inbox.workDue')], ['COHORT_ENROLLED', t('notification.inbox.cohortEnrolled')],
  ['PLAN_SUBMITTED', t('notification.inbox.planSubmitted')], ['PLAN_DECIDED', t('notification.inbox.planDecided')], ['PAY_UNBUDGETED', t('notification.inbox.payUnbudgeted')]]);

let unreadLink: HTMLAnchorElement | null = null;

/** Shows the unread count next to the Notifications link; called after each header render and after reading. */
export async function refreshUnread(): Promise<void> {
  const link = unreadLink;
  if (!link) return;
  const n = (await notificationApi.counts().catch(() => ({ unread: 0 }))).unread;
  // the count is part of the link's visible text, so what is seen is what is announced ("Notifications 3 unread")
  link.replaceChildren(t('notification.inbox.notifications'));
  if (n) link.append(' ', h('span', { class: 'counter' }, String(n)), h('span', { class: 'sr-only' }, t('notification.inbox.unreadSr')));
}

headerHooks.push((header) => {
  const who = header.querySelector('.who');
  unreadLink = h('a', { href: '/notifications', class: 'notifications-link', 'aria-current': location.pathname === '/notifications' ? 'page' : null }, t('notification.inbox.notifications'));
  who?.prepend(unreadLink);
  void refreshUnread();
});

export async function inbox(): Promise<Node> {
  const list = h('ul', { class: 'notices' });
  const [pager, prefs, totals] = await Promise.all([
    pagedList<Notice>({ load: notificationApi.page, append: (rows) => list.append(...rows.map(item)), noun: 'notifications' }),
    notificationApi.preferences(), notificationApi.counts()]);
  const notices = pager.items;
  const section = h('section', {});
  // the counts are the whole inbox's, not the shown page's: kept by the server, moved here as notices are read
  const count = h('p', { class: 'meta', 'aria-live': 'polite' });
  const showCount = () => { count.textContent = t('notification.inbox.unreadOf', { unread: totals.unread, noticesCount: totals.total }); };
  function item(n: Notice): HTMLElement {
    const li = h('li', { class: `card notice${n.readAt ? '' : ' unread'}` });
    const draw = () => {
      const mark = h('button', { type: 'button', class: 'link' }, t('notification.inbox.markRead', { title: n.title }));
      mark.addEventListener('click', () => void busy(mark, async () => {
        try { await markRead(n); draw(); showCount(); void refreshUnread(); } catch (err) { showError(li, err); }
      }));
      li.className = `card notice${n.readAt ? '' : ' unread'}`;
      li.replaceChildren(
        h('h2', { class: 'notice-title' }, n.readAt ? '' : h('span', { class: 'pill' }, t('notification.inbox.new')), ' ',
          n.link ? h('a', { href: n.link, onclick: () => { void markRead(n).then(refreshUnread); } }, n.title) : n.title),
        h('p', {}, n.text), h('p', { class: 'meta' }, date(n.createdAt)), n.readAt ? '' : mark);
    };
    draw();
    return li;
  }
  async function markRead(n: Notice): Promise<void> {
    if (n.readAt) return;
    Object.assign(n, await notificationApi.read(n.id));
    totals.unread = Math.max(0, totals.unread - 1);
  }
  const all = h('button', { type: 'button' }, t('notification.inbox.markAll'));
  all.addEventListener('click', () => void busy(all, async () => {
    try {
      Object.assign(totals, await notificationApi.readAll());
      const at = new Date().toISOString();
      for (const n of notices) n.readAt ??= at;
      list.replaceChildren(...notices.map(item));
      showCount(); void refreshUnread(); toast(t('notification.inbox.allMarked'));
    } catch (err) { showError(section, err); }
  }));
  showCount();

  const boxes = (channel: 'email' | 'inApp') => KINDS().map(([k, label]) => {
    const id = `pref-${channel}-${k}`;
    return h('span', { class: 'check' }, h('input', { type: 'checkbox', id, 'data-kind': k, 'data-channel': channel, checked: prefs[channel]?.[k] !== false }),
      h('label', { for: id }, label));
  });
  const save = h('button', { type: 'submit' }, t('notification.inbox.save'));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'prefs-h' }, h('h2', { id: 'prefs-h' }, t('notification.inbox.whatTold')),
    h('fieldset', {}, h('legend', {}, t('notification.inbox.inApp')), boxes('inApp')), h('fieldset', {}, h('legend', {}, t('notification.inbox.byEmail')), boxes('email')), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      const pick = (channel: string) => Object.fromEntries([...form.querySelectorAll<HTMLInputElement>(`input[data-channel="${channel}"]`)]
        .map((i) => [i.dataset.kind!, i.checked]));
      try { await notificationApi.savePreferences({ email: pick('email'), inApp: pick('inApp') }); toast(t('notification.inbox.saved')); } catch (err) { showError(form, err); }
    });
  });
  append(section, [h('h1', {}, t('notification.inbox.notifications')), count,
    notices.length ? [h('p', {}, all), list, pager.footer] : emptyState(t('notification.inbox.none')),
    form]);
  return section;
}
