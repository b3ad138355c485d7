// A person's email addresses ("Email addresses" on the account page): add a personal one and verify it by the link
// mailed to it, send the link again, remove one, choose which verified address new badges are issued to. The pages
// the mailed links open: verifying an address (also after a reload), and signing in by a link (former teachers).
import { home, loadSession, navigate, session } from '../../core/app';
import { date } from '../../core/format';
import { ApiError, api } from '../../core/http';
import { busy, field, h, input, showError, status, toast } from '../../ui';
import { t, tn } from '../../core/i18n';

export interface AddressView { email: string; kind: 'DISTRICT' | 'PERSONAL' | 'FORMER_DISTRICT'; state: 'VERIFIED' | 'PENDING'; forNewBadges: boolean; pendingUntil?: string }
export interface AddressList { badgeAddress: string; addresses: AddressView[] }
interface LinkView { purpose: 'ADD_ADDRESS' | 'DISTRICT_EMAIL'; email: string; done: boolean; expiresAt: string }

export const addressesApi = {
  list: () => api.get<AddressList>('/api/v1/me/addresses'),
  add: (email: string) => api.post<AddressList>('/api/v1/me/addresses', { email }),
  remove: (email: string) => api.del(`/api/v1/me/addresses/${encodeURIComponent(email)}`),
  choose: (email: string) => api.put<AddressList>('/api/v1/me/addresses/badge-address', { email }),
};

const KIND = (): Record<AddressView['kind'], string> => ({ DISTRICT: t('account.addresses.districtAddress'), PERSONAL: t('account.addresses.personalAddress'), FORMER_DISTRICT: t('account.addresses.formerDistrict') });

export async function addressesCard(): Promise<HTMLElement> {
  let current = await addressesApi.list();
  const list = h('ul', { class: 'addresses' });
  const email = input({ type: 'email', autocomplete: 'email' });
  const add = h('button', { type: 'submit', class: 'primary' }, t('account.addresses.add'));
  const out = h('div', { 'aria-live': 'polite' });
  const card = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'addresses-h' }, h('h2', { id: 'addresses-h' }, t('account.addresses.title')),
    h('p', {}, t('account.addresses.intro'),
      t('account.addresses.intro2')),
    list, field(t('account.addresses.another'), email, { name: 'email', hint: t('account.addresses.anotherHint') }), add, out);
  const show = () => list.replaceChildren(...current.addresses.map(row));
  const row = (a: AddressView): HTMLElement => {
    const actions = h('div', { class: 'actions' });
    if (a.state === 'PENDING') {
      const resend = h('button', { type: 'button' }, t('account.addresses.resend', { email: a.email }));
      resend.addEventListener('click', () => void busy(resend, async () => {
        try { current = await addressesApi.add(a.email); show(); toast(t('account.addresses.resent', { email: a.email })); } catch (err) { showError(card, err); }
      }));
      actions.append(resend);
    } else if (!a.forNewBadges) {
      const choose = h('button', { type: 'button' }, t('account.addresses.issueTo', { email: a.email }));
      choose.addEventListener('click', () => void busy(choose, async () => {
        try { current = await addressesApi.choose(a.email); show(); toast(t('account.addresses.issuedTo', { email: a.email })); } catch (err) { showError(card, err); }
      }));
      actions.append(choose);
    }
    if (a.kind !== 'DISTRICT') {
      const remove = h('button', { type: 'button', class: 'danger' }, t('account.addresses.remove', { email: a.email }));
      remove.addEventListener('click', () => void busy(remove, async () => {
        if (!confirm(t('account.addresses.removeConfirm', { email: a.email }))) return;
        try { await addressesApi.remove(a.email); current = await addressesApi.list(); show(); toast(t('account.addresses.removed', { email: a.email })); } catch (err) { showError(card, err); }
      }));
      actions.append(remove);
    }
    return h('li', { class: 'address' }, h('strong', {}, a.email),
      h('p', { class: 'meta' }, [KIND()[a.kind], a.state === 'VERIFIED' ? t('account.addresses.verifiedState') : t('account.addresses.pending', { pendingUntil: date(a.pendingUntil!) }),
        a.forNewBadges ? t('account.addresses.current') : null].filter(Boolean).join(' · ')), actions);
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
        out.replaceChildren(status(t('account.addresses.sent', { address: address }), 'ok'));
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
    section.append(h('h1', {}, t('account.addresses.linkUsed')), h('p', { role: 'alert' }, err.detail || t('account.addresses.linkUsedDetail')),
      h('p', {}, ...tn('account.addresses.addAgain', { link: h('a', { href: '/account' }, t('account.addresses.yourAccount')) })));
    return section;
  }
  const what = link.purpose === 'DISTRICT_EMAIL' ? t('account.addresses.asDistrict', { email: link.email }) : link.email;
  const done = () => section.replaceChildren(h('h1', {}, t('account.addresses.verified')),
    status(link.purpose === 'DISTRICT_EMAIL' ? t('account.addresses.districtNow', { email: link.email })
      : t('account.addresses.verifiedDetail', { email: link.email }), 'ok'),
    h('p', {}, h('a', { href: session.me ? '/account' : '/sign-in', class: 'button primary' }, session.me ? t('account.addresses.backToAccount') : t('account.addresses.signIn'))));
  if (link.done) { done(); return section; }
  const confirmButton = h('button', { type: 'button', class: 'primary' }, t('account.addresses.verifyThis'));
  confirmButton.addEventListener('click', () => void busy(confirmButton, async () => {
    try {
      link = await api.post<LinkView>(`/api/v1/address-verifications/${encodeURIComponent(p.token)}`);
      if (session.me) await loadSession();
      done();
    } catch (err) { showError(section, err); }
  }));
  section.append(h('h1', {}, t('account.addresses.verifyTitle')), h('p', {}, t('account.addresses.confirm', { what: what, expiresAt: date(link.expiresAt) })), confirmButton);
  return section;
}

/** Asking for a sign-in link: for people who left their district and sign in with a personal address. */
export function requestSignInLink(): Node {
  const email = input({ type: 'email', autocomplete: 'username' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('account.addresses.emailLink'));
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true }, field(t('account.addresses.yourPersonal'), email, { name: 'email', hint: t('account.addresses.yourPersonalHint') }), submit, out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, async () => {
      try {
        await api.post('/api/v1/auth/sign-in-links', { email: email.value.trim() });
        out.replaceChildren(status(t('account.addresses.linkOnItsWay'), 'ok'));
      } catch (err) { showError(form, err); }
    });
  });
  return h('section', { class: 'narrow' }, h('h1', {}, t('account.addresses.linkTitle')),
    h('p', {}, t('account.addresses.linkIntro')), form);
}

/** The page a sign-in link opens: one click signs in (a mail scanner opening the link signs nobody in). */
export function signInLink(p: { token: string }): Node {
  const go = h('button', { type: 'button', class: 'primary' }, t('account.addresses.title2'));
  const section = h('section', { class: 'narrow' }, h('h1', {}, t('account.addresses.signIn')), h('p', {}, t('account.addresses.signsOnce')), go);
  go.addEventListener('click', () => void busy(go, async () => {
    try {
      await api.post(`/api/v1/auth/sign-in-links/${encodeURIComponent(p.token)}`);
      await loadSession();
      navigate(home(), true);
    } catch (err) {
      showError(section, err);
      section.append(h('p', {}, h('a', { href: '/sign-in/link' }, t('account.addresses.askNew'))));
    }
  }));
  return section;
}
