// The practice library's endpoints (signed in under /api/v1/practice, the public page under /api/v1/public/practice).
import { api } from '../../core/http';
import type { Audience, Facets, Piece, ShareBody, Shareable } from './types';

const base = (pub: boolean) => (pub ? '/api/v1/public/practice' : '/api/v1/practice');
const withPage = (filters: URLSearchParams, page: number, size: number) => {
  const q = new URLSearchParams(filters);
  q.set('page', String(page));
  q.set('size', String(size));
  return q.toString();
};

export const practiceApi = {
  facets: (pub = false) => api.get<Facets>(`${base(pub)}/facets`),
  search: (filters: URLSearchParams, page: number, size: number, pub = false) => api.get<Piece[]>(`${base(pub)}/pieces?${withPage(filters, page, size)}`),
  piece: (id: string, pub = false) => api.get<Piece>(`${base(pub)}/pieces/${encodeURIComponent(id)}`),
  saved: (page: number, size: number) => api.get<Piece[]>(`/api/v1/practice/saved?page=${page}&size=${size}`),
  save: (id: string) => api.put<void>(`/api/v1/practice/saved/${encodeURIComponent(id)}`),
  unsave: (id: string) => api.del<void>(`/api/v1/practice/saved/${encodeURIComponent(id)}`),
  shareable: () => api.get<Shareable[]>('/api/v1/practice/shareable'),
  share: (evidenceId: string, body: ShareBody) => api.put<Piece>(`/api/v1/practice/shares/${encodeURIComponent(evidenceId)}`, body),
  withdraw: (evidenceId: string) => api.del<void>(`/api/v1/practice/shares/${encodeURIComponent(evidenceId)}`),
  settings: () => api.get<{ openTo: Audience }>('/api/v1/practice/settings'),
  open: (openTo: Audience) => api.put<{ openTo: Audience }>('/api/v1/practice/settings', { openTo }),
};
