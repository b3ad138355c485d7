// Typed calls to the service's hours and transcripts (org.cairn.transcript).
import { api, download } from '../../core/http';

export interface YearTotal { fiscalYear: string; credits: number; badges: number }
export interface HoursBadge {
  assertionId: string; name: string; credits: number; fiscalYear: string; issuedOn: string;
  expires?: string | null; expired: boolean; renewed: boolean; renews?: string | null; verificationUrl: string; certificateUrl: string;
}
export interface Hours { creditName: string; currentFiscalYear: string; years: YearTotal[]; badges: HoursBadge[]; transcriptUrl: string }

export interface RenewalView {
  assertionId: string; badge: string; issuedOn: string; expires?: string | null; expired: boolean; revoked: boolean;
  opensOn?: string | null; open: boolean; path?: 'TIER' | 'FULL' | null; tierTitle?: string | null; estimatedHours?: number | null;
  templateId?: string | null; enrollmentId?: string | null; enrollmentState?: string | null; renewedBy?: string | null;
}

export interface Settings { creditName: string; reminderDays: number[] }
export interface Expiring { assertionId: string; personEmail: string; personName: string; badge: string; expires: string; daysLeft: number; renewed: boolean }

export const transcriptApi = {
  mine: () => api.get<Hours>('/api/v1/me/hours'),
  transcript: () => download('/api/v1/me/transcript.pdf'),
  /** The signed learner record (CLR 2.0): every current badge as its 3.0 credential, with hours. */
  learnerRecord: () => download('/api/v1/me/learner-record'),
  settings: () => api.get<Settings>('/api/v1/hours/settings'),
  saveSettings: (s: Settings) => api.put<Settings>('/api/v1/hours/settings', s),
  renew: (assertionId: string) => api.post<{ renewedAssertionId: string; awardId: string; assertionId?: string | null }>(`/api/v1/hours/renewals/${encodeURIComponent(assertionId)}`),
  renewal: (assertionId: string) => api.get<RenewalView>(`/api/v1/me/renewals/${encodeURIComponent(assertionId)}`),
  startRenewal: (assertionId: string) => api.post<{ enrollmentId: string; templateId: string; created: boolean }>(`/api/v1/me/renewals/${encodeURIComponent(assertionId)}`),
  expiring: (days: number, page = 0, size = 50) => api.get<Expiring[]>(`/api/v1/hours/expiring?days=${days}&page=${page}&size=${size}`),
  /** Credits per teacher: a fiscal year (FY2027) or dates; nothing means this fiscal year. */
  exportCsv: (fiscalYear?: string, from?: string, to?: string) => {
    const q = new URLSearchParams();
    if (fiscalYear) q.set('fiscalYear', fiscalYear);
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    return download(`/api/v1/hours/export.csv${q.toString() ? `?${q}` : ''}`);
  },
};

/** Credits as people write them: 8, 7.5, 0.25. */
export const credits = (n: number) => String(Math.round(n * 100) / 100);
