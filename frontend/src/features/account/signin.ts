import { home, loadSession, navigate, session } from '../../core/app';
import { busy, field, h, input, showError } from '../../ui';
import { accountApi } from './api';
import { ApiError } from '../../core/http';
import type { InvitationView } from './types';
import { t, tn } from '../../core/i18n';

export function signIn(_: unknown, q: URLSearchParams): Node {
  const email = input({ type: 'email', autocomplete: 'username', required: true });
  const password = input({ type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('account.signin.signIn'));
  const form = h('form', { novalidate: true },
    field(t('account.signin.email'), email, { name: 'email' }), field(t('account.signin.password'), password, { name: 'password' }), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await accountApi.signIn(email.value, password.value);
        await loadSession();
        const next = q.get('next');
        navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : home(), true);
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, t('account.signin.title')),
    session.me ? h('p', {}, t('account.signin.signedInAs', { email: session.me.email })) : null,
    q.get('reset') ? h('p', { class: 'status status-ok', role: 'status' }, t('account.signin.passwordChanged')) : null, form,
    h('p', {}, h('a', { href: '/password-resets' }, t('account.signin.forgot'))),
    h('p', {}, ...tn('account.signin.leftDistrict', { link: h('a', { href: '/sign-in/link' }, t('account.signin.leftDistrictLink')) })),
    h('p', { class: 'hint' }, ...tn('account.signin.onlyVerify', { link: h('a', { href: '/verify' }, t('account.signin.verifyLink')) })));
}


export async function acceptInvitation(p: { token: string }): Promise<Node> {
  let inv: InvitationView;
  try {
    inv = await accountApi.invitation(p.token);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500 || err.status === 0) throw err;
    // an old or used invitation link from a mail: say what happened and where to go, not "Not found"
    return h('section', { class: 'narrow' }, h('h1', {}, t('account.signin.invitationUsed')),
      h('p', {}, t('account.signin.invitationUsedDetail')),
      h('p', {}, h('a', { href: '/sign-in', class: 'button primary' }, t('account.signin.signIn'))));
  }
  const name = input({ autocomplete: 'name', value: inv.displayName ?? '' });
  const password = input({ type: 'password', autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('account.signin.join'));
  const form = h('form', { novalidate: true }, field(t('account.signin.yourName'), name, { name: 'displayName' }),
    field(t('account.signin.choosePassword'), password, { name: 'password', hint: t('account.signin.atLeast12') }), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await accountApi.acceptInvitation(p.token, name.value, password.value);
        await loadSession();
        navigate(home(), true);
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, t('account.signin.joinTitle')),
    h('p', {}, inv.districtName ? t('account.signin.invitedAsTo', { email: inv.email, district: inv.districtName }) : t('account.signin.invitedAs', { email: inv.email })), form);
}

export function requestReset(): Node {
  const email = input({ type: 'email', autocomplete: 'username' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('account.signin.sendReset'));
  const done = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true }, field(t('account.signin.email'), email, { name: 'email' }), submit, done);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await accountApi.requestReset(email.value.trim());
        done.replaceChildren(h('p', { class: 'status status-ok' }, t('account.signin.resetOnItsWay')));
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, t('account.signin.resetTitle')), form);
}

export function resetPassword(p: { token: string }): Node {
  const password = input({ type: 'password', autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('account.signin.setPassword'));
  const form = h('form', { novalidate: true }, field(t('account.signin.newPassword'), password, { name: 'password', hint: t('account.signin.atLeast12') }), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await accountApi.resetPassword(p.token, password.value);
        navigate('/sign-in?reset=1', true);
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, t('account.signin.chooseNew')), form);
}
