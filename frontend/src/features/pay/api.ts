// Typed calls to the service's compensation endpoints (org.cairn.enrollment: payroll, budget years, spending,
// funding sources).
import { api, download } from '../../core/http';
import type { BudgetYear, PeriodPay, Spending } from './types';

const period = (from?: string, to?: string) => {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return q.toString() ? `?${q}` : '';
};

export const payApi = {
  payroll: (from?: string, to?: string) => api.get<PeriodPay>(`/api/v1/payroll${period(from, to)}`),
  payrollCsv: (from?: string, to?: string) => download(`/api/v1/payroll.csv${period(from, to)}`),
  hrCsv: (from?: string, to?: string) => download(`/api/v1/payroll/hr.csv${period(from, to)}`),
  budgetYears: () => api.get<BudgetYear[]>('/api/v1/budget/years'),
  spending: (fiscalYear?: string) => api.get<Spending>(`/api/v1/spending${fiscalYear ? `?fiscalYear=${encodeURIComponent(fiscalYear)}` : ''}`),
  spendingCsv: (fiscalYear?: string) => download(`/api/v1/spending.csv${fiscalYear ? `?fiscalYear=${encodeURIComponent(fiscalYear)}` : ''}`),
  fundingSources: () => api.get<{ sources: string[] }>('/api/v1/funding-sources').then((r) => r.sources),
  saveFundingSources: (sources: string[]) => api.put<{ sources: string[] }>('/api/v1/funding-sources', { sources }).then((r) => r.sources),
};
