// Typed calls to the service's enrollment endpoints (org.cairn.enrollment).
import { api } from '../../core/http';
import type { Budget, Enrollment, Proposal } from './types';

export type Decision = 'APPROVE' | 'RETURN' | 'DECLINE';

export const enrollmentApi = {
  mine: (page = 0, size = 50) => api.get<Enrollment[]>(`/api/v1/enrollments?page=${page}&size=${size}`),
  get: (id: string) => api.get<Enrollment>(`/api/v1/enrollments/${encodeURIComponent(id)}`),
  start: (templateId: string) => api.post<Enrollment>('/api/v1/enrollments', { templateId }),
  propose: (id: string, proposal: Proposal) => api.post(`/api/v1/enrollments/${encodeURIComponent(id)}/proposal`, proposal),
  waiting: (page: number, size: number) => api.get<Enrollment[]>(`/api/v1/enrollments?scope=district&state=PROPOSED&page=${page}&size=${size}`),
  /** Decided proposals, newest decision first. */
  decided: <T extends Enrollment>(page: number, size: number) => api.get<T[]>(`/api/v1/enrollments?scope=district&decided=true&page=${page}&size=${size}`),
  decide: (id: string, decision: Decision, comment: string | null) =>
    api.post(`/api/v1/enrollments/${encodeURIComponent(id)}/decision`, { decision, comment }),
  budget: () => api.get<Budget>('/api/v1/budget'),
};
