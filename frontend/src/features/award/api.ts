// Typed calls to the service's bulk award (org.cairn.award).
import { api } from '../../core/http';
import type { BadgeClass, Job } from './types';

export const awardApi = {
  badgeClasses: (templateId: string) => api.get<BadgeClass[]>(`/api/v1/templates/${encodeURIComponent(templateId)}/badge-classes`),
  bulkAward: (badgeClassId: string, csv: string) =>
    api.post<Job>(`/api/v1/badges/${encodeURIComponent(badgeClassId)}/bulk-awards`, new Blob([csv], { type: 'text/csv' }), { 'Content-Type': 'text/csv' }),
  job: (id: string) => api.get<Job>(`/api/v1/bulk-awards/${encodeURIComponent(id)}`),
  failures: (id: string) => api.get<Array<{ email: string; error: string }>>(`/api/v1/bulk-awards/${encodeURIComponent(id)}/failures`),
};
