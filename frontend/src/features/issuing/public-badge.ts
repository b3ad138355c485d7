// The public badge page anyone can open.
import { date } from '../../core/format';
import { imageOf, obDocument } from './api';
import type { BadgeClassDoc } from './types';
import { h, markdown } from '../../ui';
import { shownEndorsements } from '../endorsement/api';

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
  const [name, endorsed] = await Promise.all([recipientName(p.id), b.id ? shownEndorsements(b.id) : Promise.resolve([])]);
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
    // another district's name and words: text only
    endorsed.length ? [h('h2', {}, 'Endorsed by'), h('ul', { class: 'endorsements' }, endorsed.map((en) => h('li', {},
      h('strong', {}, en.endorserName), ` on ${date(en.issuedOn)}`, en.comment ? h('blockquote', {}, en.comment) : null)))] : null,
    evidence.length ? [h('h2', {}, 'Evidence the earner published'), h('ul', {}, evidence.map((ev) => h('li', {},
      ev.id ? h('a', { href: ev.id, rel: 'nofollow noopener' }, ev.name ?? ev.id) : ev.name ?? '', ev.narrative || ev.description ? h('p', {}, ev.narrative ?? ev.description ?? '') : null)))] : null,
    h('p', {}, h('a', { href: `/verify?url=${encodeURIComponent(a.id)}`, class: 'button' }, 'Verify this badge'), ' ',
      h('a', { href: `/public/assertions/${encodeURIComponent(p.id)}/image?format=png`, class: 'button', download: `badge-${p.id}.png` }, 'Download baked image')));
}
