import { home, loadSession, navigate, session } from '../../core/app';
import { busy, field, h, input, showError } from '../../ui';
import { accountApi } from './api';
import { ApiError } from '../../core/http';
import type { InvitationView } from './types';

export function signIn(_: unknown, q: URLSearchParams): Node {
  const email = input({ type: 'email', autocomplete: 'username', required: true });
  const password = input({ type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { novalidate: true },
    field('Email', email, { name: 'email' }), field('Password', password, { name: 'password' }), submit);
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
  return h('section', { class: 'narrow' }, h('h1', {}, 'Sign in to Cairn'),
    session.me ? h('p', {}, `You are signed in as ${session.me.email}.`) : null,
    q.get('reset') ? h('p', { class: 'status status-ok', role: 'status' }, 'Password changed. Sign in with your new password.') : null, form,
    h('p', {}, h('a', { href: '/password-resets' }, 'Forgot your password?')),
    h('p', {}, 'Left your district? ', h('a', { href: '/sign-in/link' }, 'Sign in with a link mailed to your personal address'), '.'),
    h('p', { class: 'hint' }, 'Only want to check a badge? ', h('a', { href: '/verify' }, 'Verify a badge'), ' without signing in.'));
}


export async function acceptInvitation(p: { token: string }): Promise<Node> {
  let inv: InvitationView;
  try {
    inv = await accountApi.invitation(p.token);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500 || err.status === 0) throw err;
    // an old or used invitation link from a mail: say what happened and where to go, not "Not found"
    return h('section', { class: 'narrow' }, h('h1', {}, 'This invitation can no longer be used'),
      h('p', {}, 'It was already accepted, or it has expired. If you already joined, sign in. Otherwise ask your district admin to invite you again.'),
      h('p', {}, h('a', { href: '/sign-in', class: 'button primary' }, 'Sign in')));
  }
  const name = input({ autocomplete: 'name', value: inv.displayName ?? '' });
  const password = input({ type: 'password', autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Join');
  const form = h('form', { novalidate: true }, field('Your name', name, { name: 'displayName' }),
    field('Choose a password', password, { name: 'password', hint: 'At least 12 characters.' }), submit);
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
  return h('section', { class: 'narrow' }, h('h1', {}, 'Join Cairn'),
    h('p', {}, `You were invited as ${inv.email}${inv.districtName ? ` to ${inv.districtName}` : ''}.`), form);
}

export function requestReset(): Node {
  const email = input({ type: 'email', autocomplete: 'username' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Send a reset link');
  const done = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true }, field('Email', email, { name: 'email' }), submit, done);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await accountApi.requestReset(email.value.trim());
        done.replaceChildren(h('p', { class: 'status status-ok' }, 'If that address has an account, a reset link is on its way.'));
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, 'Reset your password'), form);
}

export function resetPassword(p: { token: string }): Node {
  const password = input({ type: 'password', autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Set password');
  const form = h('form', { novalidate: true }, field('New password', password, { name: 'password', hint: 'At least 12 characters.' }), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await accountApi.resetPassword(p.token, password.value);
        navigate('/sign-in?reset=1', true);
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, 'Choose a new password'), form);
}
