// Public Open Badges documents (the same URLs answer HTML to browsers, JSON to this app).
import { language } from '../../core/i18n';
import type { BadgeClassDoc } from './types';

/** Reads a public Open Badges document as JSON (the same URL answers HTML to browsers). */
export async function obDocument<T>(url: string): Promise<T> {
  // a template's Spanish name and description come back where the reader asked for Spanish
  const res = await fetch(url, { headers: { Accept: 'application/ld+json, application/json', 'Accept-Language': language() } });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json() as Promise<T>;
}

export const imageOf = (b: BadgeClassDoc) => (typeof b.image === 'string' ? b.image : b.image?.id);
export const issuerName = (b: BadgeClassDoc) => (typeof b.issuer === 'object' ? b.issuer.name : undefined);

import { api } from '../../core/http';
import type { AssertionView, IssuingSettings, Portfolio } from './types';

/** Typed calls to the service's issuing endpoints (org.cairn.issuing). */
export const issuingApi = {
  myBadges: (page = 0, size = 50) => api.get<AssertionView[]>(`/api/v1/me/badges?page=${page}&size=${size}`),
  reissue: (id: string, email: string) => api.post<AssertionView>(`/api/v1/me/badges/${encodeURIComponent(id)}/reissue`, { email }),
  portfolio: () => api.get<Portfolio>('/api/v1/me/portfolio'),
  savePortfolio: (enabled: boolean, headline: string | null) => api.put<Portfolio>('/api/v1/me/portfolio', { enabled, headline }),
  /** A page of the district's badges; `after`/`before` (a badge's id): the ones past it, reading only those. */
  issued: (page = 0, size = 100, q?: string, edge?: { after?: string; before?: string }) =>
    api.get<AssertionView[]>(`/api/v1/assertions?page=${page}&size=${size}${q ? `&q=${encodeURIComponent(q)}` : ''}`
      + `${edge?.after ? `&after=${encodeURIComponent(edge.after)}` : ''}${edge?.before ? `&before=${encodeURIComponent(edge.before)}` : ''}`),
  revoke: (id: string, reason: string) => api.post(`/api/v1/assertions/${encodeURIComponent(id)}/revoke`, { reason }),
  settings: () => api.get<IssuingSettings>('/api/v1/issuing/settings'),
  saveSettings: (s: IssuingSettings) => api.put<IssuingSettings>('/api/v1/issuing/settings',
    // a PUT replaces every setting: the certificate signatory travels along so saving here never clears it
    { defaultMode: s.defaultMode, showStipend: s.showStipend, showHours: s.showHours, signatoryName: s.signatoryName ?? null, signatoryTitle: s.signatoryTitle ?? null }),
  reinstate: (id: string) => api.post(`/api/v1/assertions/${encodeURIComponent(id)}/reinstate`),
};
