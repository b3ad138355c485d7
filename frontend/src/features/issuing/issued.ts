// Badges issued in the district: which badge, to whom, when; search by name or email, pages of 25; revoke (after a
// confirmation, with a public reason) and reinstate; whether public pages show stipend amounts; bulk award.
import { navigate } from '../../core/app';
import { date } from '../../core/format';
import { bulkAward } from '../award/bulk-award';
import { busy, emptyState, field, h, input, showError, status, toast } from '../../ui';
import { issuingApi, obDocument } from './api';
import { templateApi } from '../template/api';
import type { AssertionView, BadgeClassDoc } from './types';
import { t } from '../../core/i18n';

const PAGE = 25;

export async function issued(_: unknown, q: URLSearchParams): Promise<Node> {
  const page = Math.max(0, Number(q.get('page') ?? 0) || 0);
  const search = q.get('q')?.trim() ?? '';
  // Next and Previous name the badge they continue from (?after= / ?before=), so a deep page reads only its rows;
  // ?page= alone (an older link) still works and keeps the page number shown
  const after = q.get('after') ?? undefined;
  const before = after ? undefined : q.get('before') ?? undefined;
  const [list, published, settings] = await Promise.all([issuingApi.issued(page, PAGE + 1, search, { after, before }),
    templateApi.list('PUBLISHED'), issuingApi.settings()]);
  // going back, the extra row is the newest: there are more before this page
  const more = before ? true : list.length > PAGE;
  const earlier = before ? list.length > PAGE : page > 0 || !!after;
  const shown = before ? list.slice(-PAGE) : list.slice(0, PAGE);
  // each badge class once: its name is what the admin recognizes
  const names = new Map<string, string>();
  await Promise.all([...new Set(shown.map((a) => a.badgeClassUrl))].map(async (url) =>
    names.set(url, (await obDocument<BadgeClassDoc>(url).catch(() => null))?.name ?? t('issuing.issued.badge'))));

  const box = input({ type: 'search', name: 'q', value: search });
  const finder = h('form', { role: 'search', class: 'finder', 'aria-label': t('issuing.issued.findLabel') },
    field(t('issuing.issued.findBy'), box), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('issuing.issued.search')),
      search ? h('a', { href: '/admin/badges', class: 'button' }, t('issuing.issued.showAll')) : null));
  finder.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(`/admin/badges${box.value.trim() ? `?q=${encodeURIComponent(box.value.trim())}` : ''}`);
  });
  const link = (p: number, edge: Record<string, string>) =>
    `/admin/badges?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p), ...edge })}`;
  const first = shown[0];
  const last = shown[shown.length - 1];
  const pager = h('nav', { class: 'pager', 'aria-label': t('issuing.issued.pagesLabel') },
    earlier && first ? h('a', { href: page > 1 ? link(page - 1, { before: first.id }) : link(0, {}), class: 'button' }, t('issuing.issued.previous')) : null,
    h('span', {}, t('issuing.issued.page', { page: page + 1 })),
    more && last ? h('a', { href: link(page + 1, { after: last.id }), class: 'button' }, t('issuing.issued.next')) : null);

  return h('section', {}, h('h1', {}, t('issuing.issued.title')),
    h('h2', {}, search ? t('issuing.issued.badgesFor', { search: search }) : t('issuing.issued.recent')), finder,
    shown.length === 0 ? emptyState(search ? t('issuing.issued.noneMatching', { search: search }) : t('issuing.issued.none')) : null,
    h('ul', { class: 'people issued' }, shown.map((a) => row(a, names.get(a.badgeClassUrl) ?? t('issuing.issued.badge')))),
    earlier || more ? pager : null,
    publicSettings(settings),
    bulkAward(published));
}

function row(a: AssertionView, badge: string): HTMLElement {
  const who = a.recipientName ?? a.recipientEmail;
  const li = h('li', { class: `card${a.revoked ? ' revoked' : ''}`, 'aria-label': `${badge}: ${who}` },
    h('h3', {}, badge), h('p', {}, t('issuing.issued.issuedTo', { who: who, issuedOn: date(a.issuedOn) })),
    h('p', { class: 'meta' }, a.recipientEmail),
    h('p', {}, h('a', { href: `/badge/${a.id}` }, t('issuing.issued.publicPage', { badge: badge, who: who }))));
  if (a.revoked) {
    const b = h('button', { type: 'button' }, t('issuing.issued.reinstate'));
    b.addEventListener('click', () => void busy(b, async () => {
      try { await issuingApi.reinstate(a.id); toast(t('issuing.issued.reinstated', { badge: badge, who: who })); navigate(location.pathname + location.search, true); } catch (err) { showError(li, err); }
    }));
    li.append(status(t('issuing.issued.revokedReason', { revocationReason: a.revocationReason ?? '' }), 'warn'), b);
    return li;
  }
  // revoking is public and immediate: the admin states a reason, then confirms what exactly is revoked
  const reason = input({ maxlength: 500 });
  const ask = h('button', { type: 'button', class: 'danger' }, t('issuing.issued.revokeEllipsis'));
  const confirmBox = h('div', { class: 'confirm', hidden: true, role: 'group', 'aria-label': t('issuing.issued.confirmLabel') },
    h('p', {}, h('strong', {}, t('issuing.issued.revokeQuestion', { badge: badge, who: who })), t('issuing.issued.revokeWarning')));
  const yes = h('button', { type: 'button', class: 'danger' }, t('issuing.issued.yes'));
  const no = h('button', { type: 'button' }, t('issuing.issued.cancel'));
  confirmBox.append(h('div', { class: 'actions' }, yes, no));
  const panel = h('details', {}, h('summary', {}, t('issuing.issued.revokeSummary', { badge: badge, who: who })),
    field(t('issuing.issued.reason'), reason, { name: 'reason' }), h('div', { class: 'actions' }, ask), confirmBox);
  ask.addEventListener('click', () => { confirmBox.hidden = false; ask.hidden = true; yes.focus(); });
  no.addEventListener('click', () => { confirmBox.hidden = true; ask.hidden = false; ask.focus(); });
  yes.addEventListener('click', () => void busy(yes, async () => {
    try {
      await issuingApi.revoke(a.id, reason.value.trim());
      toast(t('issuing.issued.revoked', { badge: badge, who: who }));
      navigate(location.pathname + location.search, true);
    } catch (err) { confirmBox.hidden = true; ask.hidden = false; showError(panel, err, { field: (p) => (p === 'reason' ? t('issuing.issued.reason') : undefined) }); }
  }));
  li.append(panel);
  return li;
}

/** Whether the district's public badge pages show what each badge paid (off unless the district opts in). */
function publicSettings(settings: Awaited<ReturnType<typeof issuingApi.settings>>): HTMLElement {
  const box = h('input', { type: 'checkbox', id: 'show-stipend', checked: settings.showStipend });
  const save = h('button', { type: 'submit' }, t('issuing.issued.save'));
  const form = h('form', { class: 'card settings', 'aria-labelledby': 'public-h' }, h('h2', { id: 'public-h' }, t('issuing.issued.publicPages')),
    h('div', { class: 'check' }, box, h('label', { for: 'show-stipend' }, t('issuing.issued.showStipend'))),
    h('p', { class: 'hint' }, t('issuing.issued.showStipendHint')), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      try {
        await issuingApi.saveSettings({ ...settings, showStipend: box.checked });
        toast(box.checked ? t('issuing.issued.stipendShown') : t('issuing.issued.stipendHidden'));
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}
