// Typed calls to the service's template and catalog endpoints (org.cairn.template).
import { api } from '../../core/http';
import type { CatalogueItem, LibraryItem, Preview, Summary } from './types';

export const templateApi = {
  catalog: (query?: URLSearchParams) => api.get<CatalogueItem[]>(`/api/v1/catalogue${query?.toString() ? `?${query}` : ''}`),
  preview: (id: string) => api.get<Preview>(`/api/v1/catalogue/${encodeURIComponent(id)}`),
  list: (status?: string) => api.get<Summary[]>(`/api/v1/templates${status ? `?status=${encodeURIComponent(status)}` : ''}`),
  library: () => api.get<LibraryItem[]>('/api/v1/library'),
  adopt: (key: string, copy: boolean) => api.post<{ id: string }>(`/api/v1/library/${encodeURIComponent(key)}/adopt${copy ? '?copy=true' : ''}`),
  create: (content: unknown, idempotencyKey: string) => api.post<{ id: string }>('/api/v1/templates', content, { 'Idempotency-Key': idempotencyKey }),
};
