// The signed-in person's own account: who they are, changing their password (by a reset link mailed to them, so a
// stolen session cannot change it silently), and personal access tokens for scripts, each with the least scope it
// needs. A new token is shown once, with a copy button; afterwards only its name, scope and expiry are listed.
import { session } from '../../core/app';
import { date } from '../../core/format';
import { ApiError, api } from '../../core/http';
import { addressesCard } from './addresses';
import { busy, clearErrors, field, h, input, select, showError, status, toast } from '../../ui';

interface TokenView { id: string; name: string; scopes?: string[]; createdAt: string; expiresAt: string }
interface CreatedToken extends TokenView { token: string }

const SCOPES: Array<[string, string, string]> = [
  ['READ', 'Read', 'See badges, people, reports and settings.'],
  ['ISSUE', 'Issue and revoke', 'Award badges (also in bulk), revoke and reinstate them.'],
  ['MANAGE', 'Manage people and settings', 'Invite people, change roles, district settings, webhooks and templates.'],
];
const ROLE_NAMES: Record<string, string> = { TEACHER: 'Teacher', ASSESSOR: 'Assessor', COACH: 'Coach', DISTRICT_ADMIN: 'District admin' };

export async function account(): Promise<Node> {
  const me = session.me!;
  const tokens = await api.get<TokenView[]>('/api/v1/me/tokens');
  const section = h('section', { class: 'narrow' });

  const profile = h('div', { class: 'card' }, h('h2', {}, 'Profile'),
    h('dl', {}, h('dt', {}, 'Name'), h('dd', {}, me.displayName || '—'), h('dt', {}, 'Email'), h('dd', {}, me.email),
      h('dt', {}, 'Roles'), h('dd', {}, me.roles.map((r) => ROLE_NAMES[r] ?? r).join(', ') || '—')),
    me.departed ? h('p', { class: 'status status-warn' }, 'You have left your district: you can see, download and share your badges, and manage your addresses.')
      : h('p', { class: 'meta' }, 'Your district administrator changes your name, school and roles.'));
  const addresses = await addressesCard();

  const reset = h('button', { type: 'button' }, 'Email me a link to change my password');
  const resetOut = h('div', { 'aria-live': 'polite' });
  reset.addEventListener('click', () => void busy(reset, async () => {
    try {
      await api.post('/api/v1/password-resets', { email: me.email });
      resetOut.replaceChildren(status(`We sent a link to ${me.email}. It works once, for one hour; every other session is signed out when you use it.`, 'ok'));
    } catch (err) { showError(password, err); }
  }));
  const password = h('div', { class: 'card' }, h('h2', {}, 'Password'), h('p', {}, reset), resetOut);

  const name = input({ maxlength: 100, autocomplete: 'off' });
  const days = select([['30', '30 days'], ['90', '90 days'], ['365', 'One year']], {}, '90');
  const scopeBoxes = SCOPES.map(([v, label, hint]) => {
    const id = `scope-${v}`;
    return h('span', { class: 'check' }, h('input', { type: 'checkbox', id, value: v, checked: v === 'READ', 'aria-describedby': `${id}-hint` }),
      h('label', { for: id }, label), h('span', { class: 'hint', id: `${id}-hint` }, ` ${hint}`));
  });
  const scopes = h('fieldset', { 'data-field': 'scopes' }, h('legend', {}, 'What it may do'), scopeBoxes, h('p', { class: 'field-error' }));
  const create = h('button', { type: 'submit', class: 'primary' }, 'Create token');
  const created = h('div', { 'aria-live': 'polite' });
  const list = h('ul', { class: 'tokens' });
  const row = (t: TokenView): HTMLElement => {
    const revoke = h('button', { type: 'button', class: 'danger' }, `Revoke “${t.name}”`);
    const li = h('li', { class: 'card' }, h('h3', {}, t.name),
      h('p', { class: 'meta' }, `${(t.scopes ?? []).map((s) => SCOPES.find((x) => x[0] === s)?.[1] ?? s).join(', ') || 'Everything you may do'} · created ${date(t.createdAt)} · expires ${date(t.expiresAt)}`), revoke);
    revoke.addEventListener('click', () => void busy(revoke, async () => {
      if (!confirm(`Revoke “${t.name}”? Scripts using it stop working at once.`)) return;
      try {
        await api.del(`/api/v1/me/tokens/${t.id}`).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
        li.remove(); toast(`Revoked “${t.name}”`);
      } catch (err) { showError(li, err); }
    }));
    return li;
  };
  list.append(...tokens.map(row));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'tokens-h' }, h('h2', { id: 'tokens-h' }, 'Personal access tokens'),
    h('p', {}, 'For scripts and other systems that call Cairn for you. Give each the least it needs.'),
    field('Token name', name, { name: 'name', hint: 'What it is for, e.g. “HR export”.' }), field('Expires after', days, { name: 'days' }), scopes, create, created);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(create, async () => {
      const chosen = [...scopes.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
      clearErrors(form);
      try {
        if (!name.value.trim()) throw new ApiError(422, 'Name the token', '', '', [{ field: 'name', message: 'Give the token a name, so you know later what it is for.' }]);
        const scopeError = scopes.querySelector<HTMLElement>('.field-error')!;
        scopeError.textContent = chosen.length ? '' : 'Tick at least one thing the token may do.';
        if (!chosen.length) { scopes.querySelector<HTMLInputElement>('input')!.focus(); return; }
        const t = await api.post<CreatedToken>('/api/v1/me/tokens', { name: name.value.trim(), days: Number(days.value), scopes: chosen });
        const secret = h('input', { readonly: true, value: t.token, id: 'new-token', class: 'mono' });
        const copy = h('button', { type: 'button' }, 'Copy');
        copy.addEventListener('click', () => { void navigator.clipboard?.writeText(t.token).then(() => toast('Token copied')).catch(() => { secret.select(); }); });
        created.replaceChildren(status(`Token “${t.name}” created. Copy it now: it is not shown again.`, 'ok'),
          h('div', { class: 'copy-row' }, h('label', { for: 'new-token' }, 'Your new token'), secret, copy));
        list.prepend(row(t));
        name.value = '';
      } catch (err) { showError(form, err); }
    });
  });
  // a former teacher's account is read-only: their addresses and badges, no tokens for scripts
  if (me.departed) section.append(h('h1', {}, 'Your account'), profile, addresses);
  else section.append(h('h1', {}, 'Your account'), profile, addresses, password, form, h('h2', {}, 'Your tokens'),
    tokens.length ? list : h('div', {}, list, h('p', { class: 'meta' }, 'No tokens yet.')));
  return section;
}
