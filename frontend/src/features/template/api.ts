// Typed calls to the service's template and catalog endpoints (org.cairn.template).
import { api } from '../../core/http';
import type { CatalogueFacets, CatalogueItem, LibraryItem, Preview, Summary } from './types';

export const templateApi = {
  catalog: (query?: URLSearchParams) => api.get<CatalogueItem[]>(`/api/v1/catalogue${query?.toString() ? `?${query}` : ''}`),
  preview: (id: string) => api.get<Preview>(`/api/v1/catalogue/${encodeURIComponent(id)}`),
  list: (status?: string) => api.get<Summary[]>(`/api/v1/templates${status ? `?status=${encodeURIComponent(status)}` : ''}`),
  page: (page: number, size: number) => api.get<Summary[]>(`/api/v1/templates?page=${page}&size=${size}`),
  facets: (query?: URLSearchParams) => api.get<CatalogueFacets>(`/api/v1/catalogue/facets${query?.toString() ? `?${query}` : ''}`),
  library: () => api.get<LibraryItem[]>('/api/v1/library'),
  adopt: (key: string, copy: boolean) => api.post<{ id: string }>(`/api/v1/library/${encodeURIComponent(key)}/adopt${copy ? '?copy=true' : ''}`),
  remove: (id: string) => api.del<void>(`/api/v1/templates/${encodeURIComponent(id)}`),
  create: (content: unknown, idempotencyKey: string) => api.post<{ id: string }>('/api/v1/templates', content, { 'Idempotency-Key': idempotencyKey }),
};
