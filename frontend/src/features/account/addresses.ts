// A person's email addresses ("Email addresses" on the account page): add a personal one and verify it by the link
// mailed to it, send the link again, remove one, choose which verified address new badges are issued to. The pages
// the mailed links open: verifying an address (also after a reload), and signing in by a link (former teachers).
import { home, loadSession, navigate, session } from '../../core/app';
import { date } from '../../core/format';
import { ApiError, api } from '../../core/http';
import { busy, field, h, input, showError, status, toast } from '../../ui';

export interface AddressView { email: string; kind: 'DISTRICT' | 'PERSONAL' | 'FORMER_DISTRICT'; state: 'VERIFIED' | 'PENDING'; forNewBadges: boolean; pendingUntil?: string }
export interface AddressList { badgeAddress: string; addresses: AddressView[] }
interface LinkView { purpose: 'ADD_ADDRESS' | 'DISTRICT_EMAIL'; email: string; done: boolean; expiresAt: string }

export const addressesApi = {
  list: () => api.get<AddressList>('/api/v1/me/addresses'),
  add: (email: string) => api.post<AddressList>('/api/v1/me/addresses', { email }),
  remove: (email: string) => api.del(`/api/v1/me/addresses/${encodeURIComponent(email)}`),
  choose: (email: string) => api.put<AddressList>('/api/v1/me/addresses/badge-address', { email }),
};

const KIND: Record<AddressView['kind'], string> = { DISTRICT: 'District address', PERSONAL: 'Personal address', FORMER_DISTRICT: 'Former district address' };

export async function addressesCard(): Promise<HTMLElement> {
  let current = await addressesApi.list();
  const list = h('ul', { class: 'addresses' });
  const email = input({ type: 'email', autocomplete: 'email' });
  const add = h('button', { type: 'submit', class: 'primary' }, 'Add address');
  const out = h('div', { 'aria-live': 'polite' });
  const card = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'addresses-h' }, h('h2', { id: 'addresses-h' }, 'Email addresses'),
    h('p', {}, 'Add a personal address so your badges stay with you when you change schools or leave the district. ',
      'You can sign in with it, and have new badges issued to it.'),
    list, field('Another address', email, { name: 'email', hint: 'We mail it a link; the address counts once you open it.' }), add, out);
  const show = () => list.replaceChildren(...current.addresses.map(row));
  const row = (a: AddressView): HTMLElement => {
    const actions = h('div', { class: 'actions' });
    if (a.state === 'PENDING') {
      const resend = h('button', { type: 'button' }, `Send the link to ${a.email} again`);
      resend.addEventListener('click', () => void busy(resend, async () => {
        try { current = await addressesApi.add(a.email); show(); toast(`A new link is on its way to ${a.email}`); } catch (err) { showError(card, err); }
      }));
      actions.append(resend);
    } else if (!a.forNewBadges) {
      const choose = h('button', { type: 'button' }, `Issue new badges to ${a.email}`);
      choose.addEventListener('click', () => void busy(choose, async () => {
        try { current = await addressesApi.choose(a.email); show(); toast(`New badges go to ${a.email}`); } catch (err) { showError(card, err); }
      }));
      actions.append(choose);
    }
    if (a.kind !== 'DISTRICT') {
      const remove = h('button', { type: 'button', class: 'danger' }, `Remove ${a.email}`);
      remove.addEventListener('click', () => void busy(remove, async () => {
        if (!confirm(`Remove ${a.email}? Badges already issued to it stay valid and yours.`)) return;
        try { await addressesApi.remove(a.email); current = await addressesApi.list(); show(); toast(`Removed ${a.email}`); } catch (err) { showError(card, err); }
      }));
      actions.append(remove);
    }
    return h('li', { class: 'address' }, h('strong', {}, a.email),
      h('p', { class: 'meta' }, [KIND[a.kind], a.state === 'VERIFIED' ? 'verified' : `waiting for you to open the link we mailed (until ${date(a.pendingUntil!)})`,
        a.forNewBadges ? 'new badges are issued to it' : null].filter(Boolean).join(' · ')), actions);
  };
  show();
  card.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(add, async () => {
      try {
        const address = email.value.trim();
        current = await addressesApi.add(address);
        show();
        email.value = '';
        out.replaceChildren(status(`We sent a link to ${address}. Open it to verify the address.`, 'ok'));
      } catch (err) { showError(card, err); }
    });
  });
  return card;
}

/** The page a verification link opens. Reloading it after it worked says so again. */
export async function verifyAddress(p: { token: string }): Promise<Node> {
  const section = h('section', { class: 'narrow' });
  let link: LinkView;
  try {
    link = await api.get<LinkView>(`/api/v1/address-verifications/${encodeURIComponent(p.token)}`);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500 || err.status === 0) throw err;
    section.append(h('h1', {}, 'This link can no longer be used'), h('p', { role: 'alert' }, err.detail || 'It was used already, or it has expired.'),
      h('p', {}, 'Add the address again under ', h('a', { href: '/account' }, 'Your account'), ' to get a new link.'));
    return section;
  }
  const what = link.purpose === 'DISTRICT_EMAIL' ? `${link.email} as your district address` : link.email;
  const done = () => section.replaceChildren(h('h1', {}, 'Address verified'),
    status(link.purpose === 'DISTRICT_EMAIL' ? `Your district address is now ${link.email}. Sign in with it from now on.`
      : `${link.email} is verified. You can sign in with it, and have badges issued to it.`, 'ok'),
    h('p', {}, h('a', { href: session.me ? '/account' : '/sign-in', class: 'button primary' }, session.me ? 'Back to your account' : 'Sign in')));
  if (link.done) { done(); return section; }
  const confirmButton = h('button', { type: 'button', class: 'primary' }, 'Verify this address');
  confirmButton.addEventListener('click', () => void busy(confirmButton, async () => {
    try {
      link = await api.post<LinkView>(`/api/v1/address-verifications/${encodeURIComponent(p.token)}`);
      if (session.me) await loadSession();
      done();
    } catch (err) { showError(section, err); }
  }));
  section.append(h('h1', {}, 'Verify your address'), h('p', {}, `Confirm ${what}. The link works once, until ${date(link.expiresAt)}.`), confirmButton);
  return section;
}

/** Asking for a sign-in link: for people who left their district and sign in with a personal address. */
export function requestSignInLink(): Node {
  const email = input({ type: 'email', autocomplete: 'username' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Email me a sign-in link');
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true }, field('Your personal address', email, { name: 'email', hint: 'An address you verified in Cairn.' }), submit, out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await api.post('/api/v1/auth/sign-in-links', { email: email.value.trim() });
        out.replaceChildren(status('If that address is verified in Cairn, a sign-in link is on its way. It works once, for 15 minutes.', 'ok'));
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, 'Sign in with a link'),
    h('p', {}, 'Left your district? Sign in with a personal address you verified to see, download and share your badges.'), form);
}

/** The page a sign-in link opens: one click signs in (a mail scanner opening the link signs nobody in). */
export function signInLink(p: { token: string }): Node {
  const go = h('button', { type: 'button', class: 'primary' }, 'Sign in to Cairn');
  const section = h('section', { class: 'narrow' }, h('h1', {}, 'Sign in'), h('p', {}, 'This link signs you in once.'), go);
  go.addEventListener('click', () => void busy(go, async () => {
    try {
      await api.post(`/api/v1/auth/sign-in-links/${encodeURIComponent(p.token)}`);
      await loadSession();
      navigate(home(), true);
    } catch (err) {
      showError(section, err);
      section.append(h('p', {}, h('a', { href: '/sign-in/link' }, 'Ask for a new sign-in link')));
    }
  }));
  return section;
}
