// The public badge page anyone can open.
import { date } from '../../core/format';
import { imageOf, obDocument } from './api';
import type { BadgeClassDoc } from './types';
import { h, markdown } from '../../ui';
import { shownEndorsements } from '../endorsement/api';
import { language, t, tn } from '../../core/i18n';

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
    const res = await fetch(`/public/assertions/${encodeURIComponent(id)}`, { headers: { Accept: 'text/html', 'Accept-Language': 'en' } });
    if (!res.ok) return undefined;
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const p = [...doc.querySelectorAll('p')].find((x) => x.textContent?.startsWith('Awarded to'));
    return p?.querySelector('strong')?.textContent ?? undefined;
  } catch { return undefined; }
}

/**
 * The badge's name, description and criteria as the district worded them in the reader's language: the Open Badges
 * documents stay in the author's language, the issuer's criteria page follows the reader's (parsed, never inserted).
 */
async function wording(b: BadgeClassDoc): Promise<Partial<Pick<BadgeClassDoc, 'name' | 'description'>> & { narrative?: string }> {
  if (language() === 'en' || !b.criteria?.id) return {};
  try {
    const res = await fetch(new URL(b.criteria.id, location.href).pathname, { headers: { Accept: 'text/html', 'Accept-Language': language() } });
    if (!res.ok) return {};
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const name = doc.querySelector('main h1')?.textContent ?? undefined;
    const description = doc.querySelector('main h1 + p')?.textContent ?? undefined;
    const narrative = doc.querySelector('main section.criteria pre')?.textContent ?? undefined;
    return { name, description, narrative };
  } catch { return {}; }
}

export async function publicBadge(p: { id: string }): Promise<Node> {
  const res = await fetch(`/public/assertions/${encodeURIComponent(p.id)}`, { headers: { Accept: 'application/ld+json, application/json', 'Accept-Language': language() } });
  if (res.status === 410 || res.status === 404) {
    const body = await res.json().catch(() => ({}));
    return h('section', {}, h('h1', {}, res.status === 410 ? t('issuing.publicBadge.revokedTitle') : t('issuing.publicBadge.notFound')),
      h('p', { role: 'alert', class: 'status status-warn' }, body.detail ?? body.revocationReason ?? ''));
  }
  if (!res.ok) throw new Error(t('issuing.publicBadge.couldNotRead', { status: res.status }));
  const a = await res.json() as AssertionDoc;
  const document = typeof a.badge === 'string' ? await obDocument<BadgeClassDoc>(a.badge) : a.badge;
  const worded = await wording(document);
  const b: BadgeClassDoc = { ...document, name: worded.name || document.name, description: worded.description || document.description,
    criteria: document.criteria ? { ...document.criteria, narrative: worded.narrative || document.criteria.narrative } : document.criteria };
  const issuer = typeof b.issuer === 'string' ? await obDocument<{ name: string; url?: string }>(b.issuer).catch(() => null) : b.issuer ?? null;
  const [name, endorsed] = await Promise.all([recipientName(p.id), b.id ? shownEndorsements(b.id) : Promise.resolve([])]);
  const evidence = Array.isArray(a.evidence) ? a.evidence : a.evidence ? [{ id: a.evidence }] : [];
  const valid = !a.revoked && (!a.expires || new Date(a.expires) > new Date());
  // Cairn's renewal extension: this badge renews an earlier one (docs/issuing.md, "Renewed badges")
  const renewal = a['extensions:CairnRenewalExtension'] as { renews?: unknown } | undefined;
  const renews = typeof renewal?.renews === 'string' ? renewal.renews.match(/\/public\/assertions\/([\w-]+)$/)?.[1] : undefined;
  return h('section', { class: 'public-badge' },
    h('div', { class: 'title-row' }, imageOf(b) ? h('img', { src: imageOf(b)!, alt: t('issuing.publicBadge.imageAlt', { name: b.name }), width: 128, height: 128 }) : null,
      h('div', {}, h('h1', {}, b.name), h('p', {}, name ? t('issuing.publicBadge.issuedByTo', { issuer: (issuer && 'name' in issuer ? issuer.name : undefined) ?? t('issuing.publicBadge.theIssuer'), name, date: date(a.issuedOn) })
        : t('issuing.publicBadge.issuedBy', { issuer: (issuer && 'name' in issuer ? issuer.name : undefined) ?? t('issuing.publicBadge.theIssuer'), date: date(a.issuedOn) })))),
    h('p', { class: `status ${valid ? 'status-ok' : 'status-warn'}`, role: 'status' },
      a.revoked ? (a.revocationReason ? t('issuing.publicBadge.revokedReason', { reason: a.revocationReason }) : t('issuing.publicBadge.revoked')) : valid ? t('issuing.publicBadge.current') : t('issuing.publicBadge.expiredOn', { expires: date(a.expires) })),
    renews ? h('p', { class: 'renews' }, ...tn('issuing.publicBadge.renews', { link: h('a', { href: `/badge/${encodeURIComponent(renews)}` }, t('issuing.publicBadge.seeRenewed')) })) : null,
    b.description ? h('p', {}, b.description) : null,
    b.criteria?.narrative ? [h('h2', {}, t('issuing.publicBadge.criteria')), markdown(b.criteria.narrative)] : null,
    b.alignment?.length ? [h('h2', {}, t('issuing.publicBadge.alignedTo')), h('ul', {}, b.alignment.map((al) => h('li', {}, al.targetUrl ? h('a', { href: al.targetUrl }, al.targetName) : al.targetName, al.targetFramework ? ` — ${al.targetFramework}` : '')))] : null,
    // another district's name and words: text only
    endorsed.length ? [h('h2', {}, t('issuing.publicBadge.endorsedBy')), h('ul', { class: 'endorsements' }, endorsed.map((en) => h('li', {},
      h('strong', {}, en.endorserName), t('issuing.publicBadge.endorsedOn', { date: date(en.issuedOn) }), en.comment ? h('blockquote', {}, en.comment) : null)))] : null,
    evidence.length ? [h('h2', {}, t('issuing.publicBadge.evidence')), h('ul', { class: 'evidence-list' }, evidence.map((ev) => h('li', {},
      ev.id ? h('a', { href: ev.id, rel: 'nofollow noopener' }, ev.name ?? ev.id) : ev.name ?? '', ev.narrative || ev.description ? h('p', {}, ev.narrative ?? ev.description ?? '') : null)))] : null,
    h('p', {}, h('a', { href: `/verify?url=${encodeURIComponent(a.id)}`, class: 'button' }, t('issuing.publicBadge.verify')), ' ',
      h('a', { href: `/public/assertions/${encodeURIComponent(p.id)}/image?format=png`, class: 'button', download: `badge-${p.id}.png` }, t('issuing.publicBadge.downloadBaked')), ' ',
      a.revoked ? null : h('a', { href: `/public/assertions/${encodeURIComponent(p.id)}/credential-image?format=png`, class: 'button', download: `badge-${p.id}-ob3.png` }, t('issuing.publicBadge.ob3Image'))));
}
