// The signed-in person's own account: who they are, changing their password (by a reset link mailed to them, so a
// stolen session cannot change it silently), and personal access tokens for scripts, each with the least scope it
// needs. A new token is shown once, with a copy button; afterwards only its name, scope and expiry are listed.
import { chooseLanguage, session } from '../../core/app';
import { date } from '../../core/format';
import { ApiError, api } from '../../core/http';
import { addressesCard } from './addresses';
import { busy, clearErrors, field, h, input, select, showError, status, toast } from '../../ui';
import { type Language, LANGUAGES, catalogFor, isLanguage, roleName, t } from '../../core/i18n';

interface TokenView { id: string; name: string; scopes?: string[]; createdAt: string; expiresAt: string }
interface CreatedToken extends TokenView { token: string }

const SCOPES = (): Array<[string, string, string]> => [
  ['READ', t('account.page.read'), t('account.page.readHint')],
  ['ISSUE', t('account.page.issue'), t('account.page.issueHint')],
  ['MANAGE', t('account.page.manage'), t('account.page.manageHint')],
];

export async function account(): Promise<Node> {
  const me = session.me!;
  const tokens = await api.get<TokenView[]>('/api/v1/me/tokens');
  const section = h('section', { class: 'narrow' });

  const profile = h('div', { class: 'card' }, h('h2', {}, t('account.page.profile')),
    h('dl', {}, h('dt', {}, t('account.page.name')), h('dd', {}, me.displayName || '—'), h('dt', {}, t('account.page.email')), h('dd', {}, me.email),
      h('dt', {}, t('account.page.roles')), h('dd', {}, me.roles.map(roleName).join(', ') || '—')),
    me.departed ? h('p', { class: 'status status-warn' }, t('account.page.departed'))
      : h('p', { class: 'meta' }, t('account.page.adminChanges')));
  const addresses = await addressesCard();
  const languages = languageCard();

  const reset = h('button', { type: 'button' }, t('account.page.emailResetLink'));
  const resetOut = h('div', { 'aria-live': 'polite' });
  reset.addEventListener('click', () => void busy(reset, async () => {
    try {
      await api.post('/api/v1/password-resets', { email: me.email });
      resetOut.replaceChildren(status(t('account.page.resetSent', { email: me.email }), 'ok'));
    } catch (err) { showError(password, err); }
  }));
  const password = h('div', { class: 'card' }, h('h2', {}, t('account.page.password')), h('p', {}, reset), resetOut);

  const name = input({ maxlength: 100, autocomplete: 'off' });
  const days = select([['30', t('account.page.days30')], ['90', t('account.page.days90')], ['365', t('account.page.oneYear')]], {}, '90');
  const scopeBoxes = SCOPES().map(([v, label, hint]) => {
    const id = `scope-${v}`;
    return h('span', { class: 'check' }, h('input', { type: 'checkbox', id, value: v, checked: v === 'READ', 'aria-describedby': `${id}-hint` }),
      h('label', { for: id }, label), h('span', { class: 'hint', id: `${id}-hint` }, ` ${hint}`));
  });
  const scopes = h('fieldset', { 'data-field': 'scopes' }, h('legend', {}, t('account.page.whatMayDo')), scopeBoxes, h('p', { class: 'field-error' }));
  const create = h('button', { type: 'submit', class: 'primary' }, t('account.page.createToken'));
  const created = h('div', { 'aria-live': 'polite' });
  const list = h('ul', { class: 'tokens' });
  const row = (tok: TokenView): HTMLElement => {
    const revoke = h('button', { type: 'button', class: 'danger' }, t('account.page.revoke', { name: tok.name }));
    const li = h('li', { class: 'card' }, h('h3', {}, tok.name),
      h('p', { class: 'meta' }, t('account.page.tokenMeta', { scopes: (tok.scopes ?? []).map((s) => SCOPES().find((x) => x[0] === s)?.[1] ?? s).join(', ') || t('account.page.everything'),
        created: date(tok.createdAt), expires: date(tok.expiresAt) })), revoke);
    revoke.addEventListener('click', () => void busy(revoke, async () => {
      if (!confirm(t('account.page.revokeConfirm', { name: tok.name }))) return;
      try {
        await api.del(`/api/v1/me/tokens/${tok.id}`).catch((e) => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
        li.remove(); toast(t('account.page.revoked', { name: tok.name }));
      } catch (err) { showError(li, err); }
    }));
    return li;
  };
  list.append(...tokens.map(row));
  const form = h('form', { novalidate: true, 'aria-labelledby': 'tokens-h' }, h('h2', { id: 'tokens-h' }, t('account.page.tokensTitle')),
    h('p', {}, t('account.page.tokensIntro')),
    field(t('account.page.tokenName'), name, { name: 'name', hint: t('account.page.tokenNameHint') }), field(t('account.page.expiresAfter'), days, { name: 'days' }), scopes, create, created);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(create, async () => {
      const chosen = [...scopes.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
      clearErrors(form);
      try {
        if (!name.value.trim()) throw new ApiError(422, t('account.page.nameToken'), '', '', [{ field: 'name', message: t('account.page.nameTokenDetail') }]);
        const scopeError = scopes.querySelector<HTMLElement>('.field-error')!;
        scopeError.textContent = chosen.length ? '' : t('account.page.tickOne');
        if (!chosen.length) { scopes.querySelector<HTMLInputElement>('input')!.focus(); return; }
        const tok = await api.post<CreatedToken>('/api/v1/me/tokens', { name: name.value.trim(), days: Number(days.value), scopes: chosen });
        const secret = h('input', { readonly: true, value: tok.token, id: 'new-token', class: 'mono' });
        const copy = h('button', { type: 'button' }, t('account.page.copy'));
        copy.addEventListener('click', () => { void navigator.clipboard?.writeText(tok.token).then(() => toast(t('account.page.tokenCopied'))).catch(() => { secret.select(); }); });
        created.replaceChildren(status(t('account.page.tokenCreated', { name: tok.name }), 'ok'),
          h('div', { class: 'copy-row' }, h('label', { for: 'new-token' }, t('account.page.newToken')), secret, copy));
        list.prepend(row(tok));
        name.value = '';
      } catch (err) { showError(form, err); }
    });
  });
  // a former teacher's account is read-only: their addresses and badges, no tokens for scripts
  if (me.departed) section.append(h('h1', {}, t('account.page.title')), profile, languages, addresses);
  else section.append(h('h1', {}, t('account.page.title')), profile, languages, addresses, password, form, h('h2', {}, t('account.page.yourTokens')),
    tokens.length ? list : h('div', {}, list, h('p', { class: 'meta' }, t('account.page.noTokens'))));
  return section;
}

/** The person's language: stored on the account (mail and certificates follow it); empty follows the browser. */
function languageCard(): HTMLElement {
  const stored = session.me?.language ?? '';
  // each language is named in itself, so a person who cannot read the current one still finds theirs
  const choice = select([['', t('account.page.languageBrowser')], ...LANGUAGES.map((l): [string, string] => [l, catalogFor(l).language.name])],
    {}, stored);
  choice.querySelectorAll('option').forEach((o) => { if (o.value) o.lang = o.value; });
  const save = h('button', { type: 'submit' }, t('common.save'));
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'language-h' },
    h('h2', { id: 'language-h' }, t('account.page.languageTitle')), h('p', {}, t('account.page.languageIntro')),
    field(t('account.page.languageLabel'), choice, { name: 'language' }), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      const l: Language | null = isLanguage(choice.value) ? choice.value : null;
      await chooseLanguage(l);
      toast(t('language.saved'));
    });
  });
  return form;
}
