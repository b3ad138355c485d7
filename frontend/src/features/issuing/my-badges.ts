// A teacher's badges: downloads (image, certificate, the 3.0 credential for a wallet), public link, LinkedIn; the public portfolio switch.
import { date } from '../../core/format';
import { imageOf, issuerName, issuingApi, obDocument } from './api';
import type { AssertionView, BadgeClassDoc, PublicPortfolio } from './types';
import { busy, field, h, input, pagedList, select, showError, toast } from '../../ui';
import { navigate, session } from '../../core/app';
import { addressesApi } from '../account/addresses';
import { transcriptApi } from '../transcript/api';
import { language, t, tn } from '../../core/i18n';

/** LinkedIn's "add certification" form, prefilled. */
export function linkedInUrl(a: AssertionView, badge: BadgeClassDoc, org: string | undefined): string {
  const issued = new Date(a.issuedOn);
  const q = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME', name: badge.name, organizationName: org ?? '',
    issueYear: String(issued.getUTCFullYear()), issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: publicPage(a.id), certId: a.id,
  });
  if (a.expires) {
    const x = new Date(a.expires);
    q.set('expirationYear', String(x.getUTCFullYear()));
    q.set('expirationMonth', String(x.getUTCMonth() + 1));
  }
  return `https://www.linkedin.com/profile/add?${q}`;
}

/** The badge's Open Badges 3.0 credential, served as an attachment. */
export const walletFile = (assertionId: string) => `/public/credentials/${encodeURIComponent(assertionId)}?download=true`;

export const publicPage = (assertionId: string) => `${location.origin}/badge/${encodeURIComponent(assertionId)}`;

/** The image with the Open Badges 3.0 credential baked in (beside the 2.0-baked one). */
export const credentialImage = (assertionId: string) => `/public/assertions/${encodeURIComponent(assertionId)}/credential-image?format=png`;

/** "Re-issue to…": the badge again, to another verified address; the old one is revoked as "reissued". */
function reissueForm(a: AssertionView, verified: string[]): HTMLElement | null {
  const others = verified.filter((e) => e !== a.recipientEmail);
  if (!others.length) return null;
  const to = select(others.map((e): [string, string] => [e, e]));
  const go = h('button', { type: 'submit' }, t('issuing.myBadges.reissue'));
  const form = h('form', { class: 'reissue', novalidate: true }, h('details', {}, h('summary', {}, t('issuing.myBadges.reissueTo')),
    h('p', { class: 'hint' }, t('issuing.myBadges.reissueHint', { recipientEmail: a.recipientEmail })),
    field(t('issuing.myBadges.address'), to, { name: 'email' }), go));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      try {
        await issuingApi.reissue(a.id, to.value);
        toast(t('issuing.myBadges.reissued', { value: to.value }));
        navigate(location.pathname, true);
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

interface Shown { a: AssertionView; b: BadgeClassDoc; issuer?: string }

/** A page of my badges with each one's badge class and issuer (public documents, read once per page). */
async function badgePage(page: number, size: number): Promise<Shown[]> {
  const list = await issuingApi.myBadges(page, size);
  const badges = await Promise.all(list.map((a) => obDocument<BadgeClassDoc>(a.badgeClassUrl).catch(() => ({ id: a.badgeClassUrl, name: t('issuing.myBadges.badge') } as BadgeClassDoc))));
  const issuers = await Promise.all(badges.map(async (b) => issuerName(b)
    ?? (typeof b.issuer === 'string' ? (await obDocument<{ name: string }>(b.issuer).catch(() => null))?.name : undefined)));
  return list.map((a, i) => ({ a, b: badges[i], issuer: issuers[i] }));
}

export async function myBadges(): Promise<Node> {
  const cards = h('ul', { class: 'cards' });
  const [hours, addresses] = await Promise.all([transcriptApi.mine().catch(() => null),
    addressesApi.list().catch(() => ({ addresses: [] as Array<{ email: string; state: string }> }))]);
  const context: CardContext = {
    // renewals are the transcript feature's: which badge was renewed, which one renews another
    renewal: new Map((hours?.badges ?? []).map((x) => [x.assertionId, x])),
    verified: addresses.addresses.filter((x) => x.state === 'VERIFIED').map((x) => x.email),
  };
  const [pager, portfolio] = await Promise.all([
    pagedList<Shown>({ load: badgePage, noun: 'badges', append: (rows) => cards.append(...rows.map((r) => card(r, context))) }),
    portfolioPanel()]);
  return h('section', {}, h('h1', {}, t('issuing.myBadges.title')),
    session.me?.departed ? h('p', { class: 'status status-info', role: 'status' }, t('issuing.myBadges.departed')) : null,
    portfolio,
    pager.items.length === 0 ? h('p', {}, t('issuing.myBadges.none')) : null,
    cards, pager.footer);
}

/** What a card needs beside its badge: renewals (the transcript feature's) and the teacher's verified addresses. */
interface CardContext { renewal: Map<string, { renewed?: boolean; renews?: string | null }>; verified: string[] }

function card({ a, b, issuer }: Shown, c: CardContext): HTMLElement {
  const copy = h('button', { type: 'button' }, t('issuing.myBadges.copyLink'));
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(publicPage(a.id)); toast(t('issuing.myBadges.linkCopied')); } catch { toast(t('issuing.myBadges.publicLink', { id: publicPage(a.id) })); }
  });
  const renewal = c.renewal.get(a.id);
  return h('li', { class: `card${a.revoked ? ' revoked' : ''}` },
    // a revoked badge's baked image is gone (410): show the badge's own artwork instead
    h('img', { src: a.revoked ? imageOf(b) ?? null : a.pngUrl, alt: '', width: 96, height: 96 }),
    h('h2', {}, h('a', { href: `/badge/${a.id}` }, b.name)),
    h('p', { class: 'meta' }, t('issuing.myBadges.issuedMeta', { date: date(a.issuedOn) }), a.expires ? (Date.parse(a.expires) <= Date.now() ? t('issuing.myBadges.expiredMeta', { date: date(a.expires) })
      : t('issuing.myBadges.expiresMeta', { date: date(a.expires) })) : '', issuer ? ` · ${issuer}` : ''),
    !a.revoked && a.expires && Date.parse(a.expires) <= Date.now() ? h('p', { class: 'status status-warn' }, t('issuing.myBadges.expired')) : null,
    renewal?.renewed ? h('p', { class: 'status status-ok' }, t('issuing.myBadges.renewed')) : null,
    renewal?.renews ? h('p', { class: 'meta' }, t('issuing.myBadges.renewal')) : null,
    // a revoked badge cannot be downloaded or shared: say so instead of offering buttons that fail
    a.revoked && a.replacedBy ? h('p', { class: 'status status-info' }, ...tn('issuing.myBadges.reissuedTo', {
      link: h('a', { href: `/badge/${a.replacedBy}` }, t('issuing.myBadges.seeNew')) }))
      : a.revoked ? h('p', { class: 'status status-warn' }, a.revocationReason ? t('issuing.myBadges.revokedReason', { reason: a.revocationReason }) : t('issuing.myBadges.revoked'),
        t('issuing.myBadges.revokedDetail')) : null,
    !a.revoked && a.replaces ? h('p', { class: 'meta' }, t('issuing.myBadges.reissuedCopy', { recipientEmail: a.recipientEmail })) : null,
    a.revoked ? null : h('div', { class: 'actions' },
      h('a', { href: a.pngUrl, download: `badge-${a.id}.png`, class: 'button' }, t('issuing.myBadges.downloadImage')),
      h('a', { href: a.certificateUrl, download: `certificate-${a.id}.pdf`, class: 'button' }, t('issuing.myBadges.downloadPdf')),
      // the Open Badges 3.0 credential (signed, recipient hashed) as a file a digital wallet imports
      h('a', { href: walletFile(a.id), download: `open-badge-3-${a.id}.json`, class: 'button' }, t('issuing.myBadges.downloadWallet')),
      h('a', { href: credentialImage(a.id), download: `badge-${a.id}-ob3.png`, class: 'button' }, t('issuing.myBadges.ob3Image')),
      a.expires && !renewal?.renewed && !session.me?.departed ? h('a', { href: `/my/renewals/${encodeURIComponent(a.id)}`, class: 'button' }, t('issuing.myBadges.renew')) : null,
      copy,
      h('a', { href: linkedInUrl(a, b, issuer), target: '_blank', rel: 'noopener', class: 'button' }, t('issuing.myBadges.linkedIn'))),
    a.revoked ? null : reissueForm(a, c.verified));
}

// ---- the public portfolio ----------------------------------------------------------------------------------------


async function copy(text: string, what: string): Promise<void> {
  try { await navigator.clipboard.writeText(text); toast(`${what} copied`); } catch { toast(`${what}: ${text}`); }
}

/** The switch on "My badges": off by default; when on, the page's link (stable across off and on) to copy. */
async function portfolioPanel(): Promise<Node> {
  let current = await issuingApi.portfolio();
  const enabled = h('input', { type: 'checkbox', id: 'portfolio-enabled', checked: current.enabled, 'data-field': 'enabled' });
  const headline = input({ maxlength: 140, value: current.headline ?? '', autocomplete: 'off' });
  const save = h('button', { type: 'submit' }, t('issuing.myBadges.save'));
  const link = h('div', { class: 'portfolio-link' });
  const form = h('form', { class: 'portfolio', 'aria-labelledby': 'portfolio-title' },
    h('h2', { id: 'portfolio-title' }, t('issuing.myBadges.portfolio')),
    h('p', { class: 'hint' }, t('issuing.myBadges.portfolioIntro')),
    h('div', { class: 'check' }, enabled, h('label', { for: 'portfolio-enabled' }, t('issuing.myBadges.showPublic'))),
    field(t('issuing.myBadges.headline'), headline, { name: 'headline', hint: t('issuing.myBadges.headlineHint') }),
    h('div', { class: 'actions' }, save), link);
  const showLink = () => {
    link.replaceChildren();
    if (current.enabled && current.url) {
      const url = current.url;
      const box = input({ readonly: true, value: url, 'aria-label': t('issuing.myBadges.portfolioLink'), class: 'copy-field' });
      link.append(h('p', { class: 'status status-ok', role: 'status' }, t('issuing.myBadges.portfolioPublic')),
        h('div', { class: 'copy-row' }, box,
          h('button', { type: 'button', onclick: () => void copy(url, t('issuing.myBadges.portfolioLink')) }, t('issuing.myBadges.copyLink2')),
          h('a', { href: new URL(url).pathname, class: 'button' }, t('issuing.myBadges.open'))));
    } else {
      link.append(h('p', { class: 'status', role: 'status' }, t('issuing.myBadges.portfolioOff')));
    }
  };
  showLink();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      try {
        current = await issuingApi.savePortfolio(enabled.checked, headline.value.trim() || null);
        showLink();
        toast(current.enabled ? t('issuing.myBadges.nowPublic') : t('issuing.myBadges.switchedOff'));
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

export async function publicPortfolio(p: { slug: string }): Promise<Node> {
  const res = await fetch(`/public/portfolios/${encodeURIComponent(p.slug)}`, { headers: { Accept: 'application/json', 'Accept-Language': language() } });
  if (res.status === 404) {
    return h('section', {}, h('h1', {}, t('issuing.myBadges.notFound')),
      h('p', { class: 'status status-warn', role: 'alert' }, t('issuing.myBadges.notFoundDetail')));
  }
  if (!res.ok) throw new Error(t('issuing.myBadges.couldNotRead', { status: res.status }));
  const f = await res.json() as PublicPortfolio;
  document.title = t('issuing.myBadges.docTitle', { displayName: f.displayName });
  return h('section', { class: 'public-portfolio' },
    h('h1', {}, f.displayName),
    h('p', { class: 'meta' }, f.districtName),
    f.headline ? h('p', {}, f.headline) : null,
    h('h2', {}, t('issuing.myBadges.badgesN', { badgesCount: f.badges.length })),
    f.badges.length === 0 ? h('p', {}, t('issuing.myBadges.noCurrent')) : null,
    h('ul', { class: 'cards' }, f.badges.map((b) => h('li', { class: 'card' },
      h('img', { src: b.imageUrl, alt: '', width: 96, height: 96 }),
      h('h3', {}, h('a', { href: `/badge/${encodeURIComponent(b.id)}` }, b.name)),
      h('p', { class: 'meta' }, t('issuing.myBadges.issuedMeta', { date: date(b.issuedOn) }), b.expires ? t('issuing.myBadges.expiresMeta', { date: date(b.expires) }) : '')))));
}
