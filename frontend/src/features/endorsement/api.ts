// The endorsement endpoints.
import { api } from '../../core/http';
import type { Endorsement, ShownEndorsement, TargetDistrict } from './types';

export const endorsementApi = {
  targets: () => api.get<TargetDistrict[]>('/api/v1/endorsements/targets'),
  sent: () => api.get<Endorsement[]>('/api/v1/endorsements/sent'),
  incoming: () => api.get<Endorsement[]>('/api/v1/endorsements/incoming'),
  endorse: (target: string, comment: string) => api.post<Endorsement>('/api/v1/endorsements', { target, comment: comment || null }),
  decide: (id: string, decision: 'accept' | 'hide') => api.put<Endorsement>(`/api/v1/endorsements/incoming/${encodeURIComponent(id)}`, { decision }),
  withdraw: (id: string) => api.post<Endorsement>(`/api/v1/endorsements/sent/${encodeURIComponent(id)}/withdraw`),
};

/** The endorsements a district accepted of a badge class or issuer (public, no sign-in); none when unreadable. */
export async function shownEndorsements(endorsedId: string): Promise<ShownEndorsement[]> {
  try {
    const res = await fetch(`/public/endorsements?of=${encodeURIComponent(endorsedId)}`, { headers: { Accept: 'application/json' } });
    return res.ok ? await res.json() as ShownEndorsement[] : [];
  } catch { return []; }
}
