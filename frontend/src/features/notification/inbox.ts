// The notifications inbox: newest first, unread ones marked, each opens what it is about and is marked read; the
// header shows how many are unread. Which notices also come by email is chosen here too.
import { headerHooks } from '../../core/app';
import { date } from '../../core/format';
import { append, busy, emptyState, h, pagedList, showError, toast } from '../../ui';
import { notificationApi, type Notice } from './api';

const KINDS: Array<[string, string]> = [['PROPOSAL_DECIDED', 'A proposal of mine is decided'], ['SUBMISSION_ARRIVED', 'Evidence arrives for me to review'],
  ['TIER_PASSED', 'A tier of mine passes'], ['TIER_RETURNED', 'A tier of mine is returned for more work'], ['BADGE_EXPIRING', 'A badge of mine expires soon']];

let unreadLink: HTMLAnchorElement | null = null;

/** Shows the unread count next to the Notifications link; called after each header render and after reading. */
export async function refreshUnread(): Promise<void> {
  const link = unreadLink;
  if (!link) return;
  const n = (await notificationApi.counts().catch(() => ({ unread: 0 }))).unread;
  // the count is part of the link's visible text, so what is seen is what is announced ("Notifications 3 unread")
  link.replaceChildren('Notifications');
  if (n) link.append(' ', h('span', { class: 'counter' }, String(n)), h('span', { class: 'sr-only' }, ' unread'));
}

headerHooks.push((header) => {
  const who = header.querySelector('.who');
  unreadLink = h('a', { href: '/notifications', class: 'notifications-link', 'aria-current': location.pathname === '/notifications' ? 'page' : null }, 'Notifications');
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
  const showCount = () => { count.textContent = `${totals.unread} unread of ${totals.total}`; };
  function item(n: Notice): HTMLElement {
    const li = h('li', { class: `card notice${n.readAt ? '' : ' unread'}` });
    const draw = () => {
      const mark = h('button', { type: 'button', class: 'link' }, `Mark “${n.title}” as read`);
      mark.addEventListener('click', () => void busy(mark, async () => {
        try { await markRead(n); draw(); showCount(); void refreshUnread(); } catch (err) { showError(li, err); }
      }));
      li.className = `card notice${n.readAt ? '' : ' unread'}`;
      li.replaceChildren(
        h('h2', { class: 'notice-title' }, n.readAt ? '' : h('span', { class: 'pill' }, 'New'), ' ',
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
  const all = h('button', { type: 'button' }, 'Mark all as read');
  all.addEventListener('click', () => void busy(all, async () => {
    try {
      Object.assign(totals, await notificationApi.readAll());
      const at = new Date().toISOString();
      for (const n of notices) n.readAt ??= at;
      list.replaceChildren(...notices.map(item));
      showCount(); void refreshUnread(); toast('All notifications marked as read');
    } catch (err) { showError(section, err); }
  }));
  showCount();

  const boxes = (channel: 'email' | 'inApp') => KINDS.map(([k, label]) => {
    const id = `pref-${channel}-${k}`;
    return h('span', { class: 'check' }, h('input', { type: 'checkbox', id, 'data-kind': k, 'data-channel': channel, checked: prefs[channel]?.[k] !== false }),
      h('label', { for: id }, label));
  });
  const save = h('button', { type: 'submit' }, 'Save notification choices');
  const form = h('form', { novalidate: true, 'aria-labelledby': 'prefs-h' }, h('h2', { id: 'prefs-h' }, 'What you are told about'),
    h('fieldset', {}, h('legend', {}, 'In Cairn'), boxes('inApp')), h('fieldset', {}, h('legend', {}, 'By email'), boxes('email')), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      const pick = (channel: string) => Object.fromEntries([...form.querySelectorAll<HTMLInputElement>(`input[data-channel="${channel}"]`)]
        .map((i) => [i.dataset.kind!, i.checked]));
      try { await notificationApi.savePreferences({ email: pick('email'), inApp: pick('inApp') }); toast('Notification choices saved'); } catch (err) { showError(form, err); }
    });
  });
  append(section, [h('h1', {}, 'Notifications'), count,
    notices.length ? [h('p', {}, all), list, pager.footer] : emptyState('Nothing yet. You will be told here when a proposal is decided, evidence arrives for review, or a tier passes or is returned.'),
    form]);
  return section;
}
