// Public Open Badges documents (the same URLs answer HTML to browsers, JSON to this app).
import type { BadgeClassDoc } from './types';

/** Reads a public Open Badges document as JSON (the same URL answers HTML to browsers). */
export async function obDocument<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/ld+json, application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json() as Promise<T>;
}

export const imageOf = (b: BadgeClassDoc) => (typeof b.image === 'string' ? b.image : b.image?.id);
export const issuerName = (b: BadgeClassDoc) => (typeof b.issuer === 'object' ? b.issuer.name : undefined);
