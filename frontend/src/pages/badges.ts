import { api, date } from '../api';
import { busy, field, h, input, markdown, showError, toast } from '../dom';
import type { AssertionView, BadgeClassDoc } from '../types';

/** Reads a public Open Badges document as JSON (the same URL answers HTML to browsers). */
export async function obDocument<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/ld+json, application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json() as Promise<T>;
}

const imageOf = (b: BadgeClassDoc) => (typeof b.image === 'string' ? b.image : b.image?.id);
const issuerName = (b: BadgeClassDoc) => (typeof b.issuer === 'object' ? b.issuer.name : undefined);

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

export const publicPage = (assertionId: string) => `${location.origin}/badge/${encodeURIComponent(assertionId)}`;

export async function myBadges(): Promise<Node> {
  const list = await api.get<AssertionView[]>('/api/v1/me/badges');
  const badges = await Promise.all(list.map((a) => obDocument<BadgeClassDoc>(a.badgeClassUrl).catch(() => ({ id: a.badgeClassUrl, name: 'Badge' } as BadgeClassDoc))));
  const issuers = await Promise.all(badges.map(async (b) => issuerName(b)
    ?? (typeof b.issuer === 'string' ? (await obDocument<{ name: string }>(b.issuer).catch(() => null))?.name : undefined)));
  return h('section', {}, h('h1', {}, 'My badges'),
    await portfolioPanel(),
    list.length === 0 ? h('p', {}, 'No badges yet. Pass a tier to earn one.') : null,
    h('ul', { class: 'cards' }, list.map((a, i) => {
      const b = badges[i];
      const copy = h('button', { type: 'button' }, 'Copy public link');
      copy.addEventListener('click', async () => {
        try { await navigator.clipboard.writeText(publicPage(a.id)); toast('Public link copied'); } catch { toast(`Public link: ${publicPage(a.id)}`); }
      });
      return h('li', { class: `card${a.revoked ? ' revoked' : ''}` },
        h('img', { src: a.pngUrl, alt: '', width: 96, height: 96 }),
        h('h2', {}, h('a', { href: `/badge/${a.id}` }, b.name)),
        h('p', { class: 'meta' }, `Issued ${date(a.issuedOn)}${a.expires ? ` · expires ${date(a.expires)}` : ''}${issuers[i] ? ` · ${issuers[i]}` : ''}`),
        a.revoked ? h('p', { class: 'status status-warn' }, `Revoked: ${a.revocationReason ?? ''}`) : null,
        h('div', { class: 'actions' },
          h('a', { href: a.pngUrl, download: `badge-${a.id}.png`, class: 'button' }, 'Download badge image'),
          h('a', { href: a.certificateUrl, download: `certificate-${a.id}.pdf`, class: 'button' }, 'Download PDF certificate'),
          copy,
          h('a', { href: linkedInUrl(a, b, issuers[i]), target: '_blank', rel: 'noopener', class: 'button' }, 'Add to LinkedIn profile')));
    })));
}

// ---- the public portfolio ----------------------------------------------------------------------------------------

interface Portfolio { enabled: boolean; headline: string | null; url: string | null }
interface PublicPortfolio {
  displayName: string; districtName: string; headline: string | null;
  badges: Array<{ id: string; name: string; imageUrl: string; issuedOn: string; expires: string | null; assertionUrl: string }>;
}

async function copy(text: string, what: string): Promise<void> {
  try { await navigator.clipboard.writeText(text); toast(`${what} copied`); } catch { toast(`${what}: ${text}`); }
}

/** The switch on "My badges": off by default; when on, the page's link (stable across off and on) to copy. */
async function portfolioPanel(): Promise<Node> {
  let current = await api.get<Portfolio>('/api/v1/me/portfolio');
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
        current = await api.put<Portfolio>('/api/v1/me/portfolio', { enabled: enabled.checked, headline: headline.value.trim() || null });
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

// ---- the public badge page -------------------------------------------------------------------------------------

interface AssertionDoc {
  id: string; issuedOn: string; expires?: string; badge: string | BadgeClassDoc; revoked?: boolean; revocationReason?: string;
  recipient?: { identity: string; hashed: boolean }; evidence?: Array<{ id?: string; name?: string; narrative?: string; description?: string }> | string;
  [k: string]: unknown;
}

/**
 * The earner's name is not in the Open Badges document (the recipient is a salted hash); the issuer's own HTML page
 * for the assertion shows it, so read it from there (parsed, never inserted).
 */
async function recipientName(id: string): Promise<string | undefined> {
  try {
    const res = await fetch(`/public/assertions/${encodeURIComponent(id)}`, { headers: { Accept: 'text/html' } });
    if (!res.ok) return undefined;
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const p = [...doc.querySelectorAll('p')].find((x) => x.textContent?.startsWith('Awarded to'));
    return p?.querySelector('strong')?.textContent ?? undefined;
  } catch { return undefined; }
}

export async function publicBadge(p: { id: string }): Promise<Node> {
  const res = await fetch(`/public/assertions/${encodeURIComponent(p.id)}`, { headers: { Accept: 'application/ld+json, application/json' } });
  if (res.status === 410 || res.status === 404) {
    const body = await res.json().catch(() => ({}));
    return h('section', {}, h('h1', {}, res.status === 410 ? 'This badge was revoked' : 'Badge not found'),
      h('p', { role: 'alert', class: 'status status-warn' }, body.detail ?? body.revocationReason ?? ''));
  }
  if (!res.ok) throw new Error(`The badge could not be read (${res.status}).`);
  const a = await res.json() as AssertionDoc;
  const b = typeof a.badge === 'string' ? await obDocument<BadgeClassDoc>(a.badge) : a.badge;
  const issuer = typeof b.issuer === 'string' ? await obDocument<{ name: string; url?: string }>(b.issuer).catch(() => null) : b.issuer ?? null;
  const name = await recipientName(p.id);
  const evidence = Array.isArray(a.evidence) ? a.evidence : a.evidence ? [{ id: a.evidence }] : [];
  const valid = !a.revoked && (!a.expires || new Date(a.expires) > new Date());
  return h('section', { class: 'public-badge' },
    h('div', { class: 'title-row' }, imageOf(b) ? h('img', { src: imageOf(b)!, alt: `${b.name} badge`, width: 128, height: 128 }) : null,
      h('div', {}, h('h1', {}, b.name), h('p', {}, `Issued by ${issuer && 'name' in issuer ? issuer.name : 'the issuer'}${name ? ` to ${name}` : ''} on ${date(a.issuedOn)}`))),
    h('p', { class: `status ${valid ? 'status-ok' : 'status-warn'}`, role: 'status' },
      a.revoked ? `Revoked${a.revocationReason ? ': ' + a.revocationReason : ''}` : valid ? 'This badge is current.' : `Expired on ${date(a.expires)}.`),
    b.description ? h('p', {}, b.description) : null,
    b.criteria?.narrative ? [h('h2', {}, 'Criteria'), markdown(b.criteria.narrative)] : null,
    b.alignment?.length ? [h('h2', {}, 'Aligned to'), h('ul', {}, b.alignment.map((al) => h('li', {}, al.targetUrl ? h('a', { href: al.targetUrl }, al.targetName) : al.targetName, al.targetFramework ? ` — ${al.targetFramework}` : '')))] : null,
    evidence.length ? [h('h2', {}, 'Evidence the earner published'), h('ul', {}, evidence.map((ev) => h('li', {},
      ev.id ? h('a', { href: ev.id, rel: 'nofollow noopener' }, ev.name ?? ev.id) : ev.name ?? '', ev.narrative || ev.description ? h('p', {}, ev.narrative ?? ev.description ?? '') : null)))] : null,
    h('p', {}, h('a', { href: `/verify?url=${encodeURIComponent(a.id)}`, class: 'button' }, 'Verify this badge'), ' ',
      h('a', { href: `/public/assertions/${encodeURIComponent(p.id)}/image?format=png`, class: 'button', download: `badge-${p.id}.png` }, 'Download baked image')));
}
