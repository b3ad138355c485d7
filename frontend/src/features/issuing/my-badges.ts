// A teacher's badges: downloads (image, certificate, the 3.0 credential for a wallet), public link, LinkedIn; the public portfolio switch.
import { date } from '../../core/format';
import { imageOf, issuerName, issuingApi, obDocument } from './api';
import type { AssertionView, BadgeClassDoc, PublicPortfolio } from './types';
import { busy, field, h, input, pagedList, select, showError, toast } from '../../ui';
import { navigate, session } from '../../core/app';
import { addressesApi } from '../account/addresses';
import { transcriptApi } from '../transcript/api';

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
  const go = h('button', { type: 'submit' }, 'Re-issue');
  const form = h('form', { class: 'reissue', novalidate: true }, h('details', {}, h('summary', {}, 'Re-issue to…'),
    h('p', { class: 'hint' }, `Issued to ${a.recipientEmail}. A new badge goes to the address you choose; this one is then revoked as “reissued” and points to it.`),
    field('Address', to, { name: 'email' }), go));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(go, async () => {
      try {
        await issuingApi.reissue(a.id, to.value);
        toast(`Re-issued to ${to.value}`);
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
  const badges = await Promise.all(list.map((a) => obDocument<BadgeClassDoc>(a.badgeClassUrl).catch(() => ({ id: a.badgeClassUrl, name: 'Badge' } as BadgeClassDoc))));
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
  return h('section', {}, h('h1', {}, 'My badges'),
    session.me?.departed ? h('p', { class: 'status status-info', role: 'status' }, 'You have left your district. Your badges stay yours: download them, share them, or re-issue them to your personal address.') : null,
    portfolio,
    pager.items.length === 0 ? h('p', {}, 'No badges yet. Pass a tier to earn one.') : null,
    cards, pager.footer);
}

/** What a card needs beside its badge: renewals (the transcript feature's) and the teacher's verified addresses. */
interface CardContext { renewal: Map<string, { renewed?: boolean; renews?: string | null }>; verified: string[] }

function card({ a, b, issuer }: Shown, c: CardContext): HTMLElement {
  const copy = h('button', { type: 'button' }, 'Copy public link');
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(publicPage(a.id)); toast('Public link copied'); } catch { toast(`Public link: ${publicPage(a.id)}`); }
  });
  const renewal = c.renewal.get(a.id);
  return h('li', { class: `card${a.revoked ? ' revoked' : ''}` },
    // a revoked badge's baked image is gone (410): show the badge's own artwork instead
    h('img', { src: a.revoked ? imageOf(b) ?? null : a.pngUrl, alt: '', width: 96, height: 96 }),
    h('h2', {}, h('a', { href: `/badge/${a.id}` }, b.name)),
    h('p', { class: 'meta' }, `Issued ${date(a.issuedOn)}${a.expires ? (Date.parse(a.expires) <= Date.now() ? ` · expired ${date(a.expires)}` : ` · expires ${date(a.expires)}`) : ''}${issuer ? ` · ${issuer}` : ''}`),
    !a.revoked && a.expires && Date.parse(a.expires) <= Date.now() ? h('p', { class: 'status status-warn' }, 'Expired. Its public page and verifiers show it as expired; renew it to earn a current one.') : null,
    renewal?.renewed ? h('p', { class: 'status status-ok' }, 'Renewed: a newer badge keeps it current.') : null,
    renewal?.renews ? h('p', { class: 'meta' }, 'A renewal of an earlier badge.') : null,
    // a revoked badge cannot be downloaded or shared: say so instead of offering buttons that fail
    a.revoked && a.replacedBy ? h('p', { class: 'status status-info' }, 'Re-issued to another of your addresses: ',
      h('a', { href: `/badge/${a.replacedBy}` }, 'see the new badge'), '. This copy no longer verifies.')
      : a.revoked ? h('p', { class: 'status status-warn' }, `Revoked${a.revocationReason ? `: ${a.revocationReason}` : ''}. `,
        'It can no longer be downloaded or shared; its public page shows that it was revoked.') : null,
    !a.revoked && a.replaces ? h('p', { class: 'meta' }, `Issued to ${a.recipientEmail} (re-issued)`) : null,
    a.revoked ? null : h('div', { class: 'actions' },
      h('a', { href: a.pngUrl, download: `badge-${a.id}.png`, class: 'button' }, 'Download badge image'),
      h('a', { href: a.certificateUrl, download: `certificate-${a.id}.pdf`, class: 'button' }, 'Download PDF certificate'),
      // the Open Badges 3.0 credential (signed, recipient hashed) as a file a digital wallet imports
      h('a', { href: walletFile(a.id), download: `open-badge-3-${a.id}.json`, class: 'button' }, 'Download for a wallet'),
      h('a', { href: credentialImage(a.id), download: `badge-${a.id}-ob3.png`, class: 'button' }, 'Image with the 3.0 credential'),
      a.expires && !renewal?.renewed && !session.me?.departed ? h('a', { href: `/my/renewals/${encodeURIComponent(a.id)}`, class: 'button' }, 'Renew') : null,
      copy,
      h('a', { href: linkedInUrl(a, b, issuer), target: '_blank', rel: 'noopener', class: 'button' }, 'Add to LinkedIn profile')),
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
  const save = h('button', { type: 'submit' }, 'Save');
  const link = h('div', { class: 'portfolio-link' });
  const form = h('form', { class: 'portfolio', 'aria-labelledby': 'portfolio-title' },
    h('h2', { id: 'portfolio-title' }, 'Public portfolio'),
    h('p', { class: 'hint' }, 'A page anyone with the link can see: your name, your district and your current badges. Never your email.'),
    h('div', { class: 'check' }, enabled, h('label', { for: 'portfolio-enabled' }, 'Show my badges on a public page')),
    field('Headline (optional)', headline, { name: 'headline', hint: 'Up to 140 characters, e.g. "Grade 7 maths, Lincoln Middle".' }),
    h('div', { class: 'actions' }, save), link);
  const showLink = () => {
    link.replaceChildren();
    if (current.enabled && current.url) {
      const url = current.url;
      const box = input({ readonly: true, value: url, 'aria-label': 'Portfolio link', class: 'copy-field' });
      link.append(h('p', { class: 'status status-ok', role: 'status' }, 'Your portfolio is public.'),
        h('div', { class: 'copy-row' }, box,
          h('button', { type: 'button', onclick: () => void copy(url, 'Portfolio link') }, 'Copy link'),
          h('a', { href: new URL(url).pathname, class: 'button' }, 'Open')));
    } else {
      link.append(h('p', { class: 'status', role: 'status' }, 'Your portfolio is off: its link shows “not found”.'));
    }
  };
  showLink();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(save, async () => {
      try {
        current = await issuingApi.savePortfolio(enabled.checked, headline.value.trim() || null);
        showLink();
        toast(current.enabled ? 'Portfolio is public' : 'Portfolio switched off');
      } catch (err) { showError(form, err); }
    });
  });
  return form;
}

export async function publicPortfolio(p: { slug: string }): Promise<Node> {
  const res = await fetch(`/public/portfolios/${encodeURIComponent(p.slug)}`, { headers: { Accept: 'application/json' } });
  if (res.status === 404) {
    return h('section', {}, h('h1', {}, 'Portfolio not found'),
      h('p', { class: 'status status-warn', role: 'alert' }, 'This portfolio does not exist or its owner has switched it off.'));
  }
  if (!res.ok) throw new Error(`The portfolio could not be read (${res.status}).`);
  const f = await res.json() as PublicPortfolio;
  document.title = `${f.displayName} — portfolio`;
  return h('section', { class: 'public-portfolio' },
    h('h1', {}, f.displayName),
    h('p', { class: 'meta' }, f.districtName),
    f.headline ? h('p', {}, f.headline) : null,
    h('h2', {}, `Badges (${f.badges.length})`),
    f.badges.length === 0 ? h('p', {}, 'No current badges yet.') : null,
    h('ul', { class: 'cards' }, f.badges.map((b) => h('li', { class: 'card' },
      h('img', { src: b.imageUrl, alt: '', width: 96, height: 96 }),
      h('h3', {}, h('a', { href: `/badge/${encodeURIComponent(b.id)}` }, b.name)),
      h('p', { class: 'meta' }, `Issued ${date(b.issuedOn)}${b.expires ? ` · expires ${date(b.expires)}` : ''}`)))));
}
