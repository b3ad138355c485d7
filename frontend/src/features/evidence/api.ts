// Typed calls to the service's evidence endpoints (org.cairn.evidence).
import { api, upload } from '../../core/http';
import type { Evidence } from './types';

/** The base path of one requirement's evidence in one tier of one enrollment. */
export const requirementPath = (enrollmentId: string, tierKey: string, requirementKey: string) =>
  `/api/v1/enrollments/${encodeURIComponent(enrollmentId)}/tiers/${encodeURIComponent(tierKey)}/requirements/${encodeURIComponent(requirementKey)}`;

export const contentUrl = (evidenceId: string) => `/api/v1/evidence/${encodeURIComponent(evidenceId)}/content`;

export const evidenceApi = {
  ofTier: (enrollmentId: string, tierKey: string) =>
    api.get<Evidence[]>(`/api/v1/enrollments/${encodeURIComponent(enrollmentId)}/evidence?tierKey=${encodeURIComponent(tierKey)}`),
  get: (id: string) => api.get<Evidence>(`/api/v1/evidence/${encodeURIComponent(id)}`),
  saveReflection: (base: string, text: string) => api.put<Evidence>(`${base}/reflection`, { text }),
  saveLinks: (base: string, urls: string[]) => api.put<Evidence[]>(`${base}/links`, { urls }),
  uploadFile: (base: string, file: File, onProgress: (fraction: number) => void) =>
    upload<Evidence>(`${base}/files/${encodeURIComponent(file.name)}`, file, onProgress),
  remove: (id: string) => api.del(`/api/v1/evidence/${encodeURIComponent(id)}`),
  setPublic: (id: string, isPublic: boolean) => api.put(`/api/v1/evidence/${encodeURIComponent(id)}/visibility`, { isPublic }),
  submitTier: (enrollmentId: string, tierKey: string) =>
    api.post(`/api/v1/enrollments/${encodeURIComponent(enrollmentId)}/tiers/${encodeURIComponent(tierKey)}/submission`),
};
