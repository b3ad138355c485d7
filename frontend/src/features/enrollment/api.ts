// Typed calls to the service's enrollment endpoints (org.cairn.enrollment).
import { api } from '../../core/http';
import type { Budget, Enrollment, Proposal } from './types';

export type Decision = 'APPROVE' | 'RETURN' | 'DECLINE';

export const enrollmentApi = {
  mine: () => api.get<Enrollment[]>('/api/v1/enrollments'),
  get: (id: string) => api.get<Enrollment>(`/api/v1/enrollments/${encodeURIComponent(id)}`),
  start: (templateId: string) => api.post<Enrollment>('/api/v1/enrollments', { templateId }),
  propose: (id: string, proposal: Proposal) => api.post(`/api/v1/enrollments/${encodeURIComponent(id)}/proposal`, proposal),
  waiting: () => api.get<Enrollment[]>('/api/v1/enrollments?scope=district&state=PROPOSED'),
  decide: (id: string, decision: Decision, comment: string | null) =>
    api.post(`/api/v1/enrollments/${encodeURIComponent(id)}/decision`, { decision, comment }),
  budget: () => api.get<Budget>('/api/v1/budget'),
};
