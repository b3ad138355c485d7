// Typed calls to the service's reports (org.cairn.report).
import { api, download } from '../../core/http';
import type { Coverage, Participation, TemplateReport } from './types';

export const reportApi = {
  participation: () => api.get<Participation>('/api/v1/reports/participation'),
  coverage: () => api.get<Coverage>('/api/v1/reports/coverage'),
  /** The payroll export: stipends earned in a period (both dates optional: the fiscal year so far). */
  stipendsCsv: (from?: string, to?: string) => {
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    return download(`/api/v1/stipends.csv${q.toString() ? `?${q}` : ''}`);
  },
  template: (id: string) => api.get<TemplateReport>(`/api/v1/reports/templates/${encodeURIComponent(id)}`),
};
