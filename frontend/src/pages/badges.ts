import { api, date } from '../api';
import { h, markdown, toast } from '../dom';
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
