// Typed calls to the service's reports (org.cairn.report).
import { api } from '../../core/http';
import type { Coverage, Participation, TemplateReport } from './types';

export const reportApi = {
  participation: () => api.get<Participation>('/api/v1/reports/participation'),
  coverage: () => api.get<Coverage>('/api/v1/reports/coverage'),
  template: (id: string) => api.get<TemplateReport>(`/api/v1/reports/templates/${encodeURIComponent(id)}`),
};
