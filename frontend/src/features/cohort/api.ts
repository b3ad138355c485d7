// Typed calls to the service's cohorts (org.cairn.cohort).
import { api } from '../../core/http';

export interface Deadline { tierKey: string; taskKey?: string | null; dueOn: string }
export interface Cohort {
  id: string; name: string; templateId: string; templateTitle: string; opensOn: string; closesOn: string;
  deadlines: Deadline[]; acceptLate: boolean; reminderDays: number[]; evaluatorId: string;
}
export type DueStatus = 'DUE' | 'OVERDUE' | 'SUBMITTED' | 'RETURNED' | 'PASSED';
export interface Due { tierKey: string; tierTitle: string; taskKey?: string | null; taskTitle?: string | null; dueOn: string; status: DueStatus }
export interface Member { personId: string; displayName?: string; email: string; school?: string; enrollmentId: string; invited: boolean; due: Due[] }
export interface CohortView { cohort: Cohort; evaluatorName: string; members: Member[] }
export interface Outcome { email: string; result: 'ENROLLED' | 'INVITED' | 'ALREADY' | 'REFUSED'; personId?: string; enrollmentId?: string; detail?: string | null }
export interface MonthItem {
  submissionId: string; enrollmentId: string; personId: string; teacher: string; tierKey: string; tierTitle: string;
  attempt: number; state: string; submittedAt: string; dueOn?: string | null; late: boolean; mine: boolean;
}
export interface MyCohort {
  cohortId: string; name: string; templateTitle: string; enrollmentId: string; opensOn: string; closesOn: string;
  acceptLate: boolean; due: Due[]; next?: Due | null;
}
export interface NewCohort {
  name: string; templateId: string; opensOn: string; closesOn: string; deadlines: Deadline[]; acceptLate: boolean;
  reminderDays: number[]; evaluatorId: string;
}

export const cohortApi = {
  list: () => api.get<Cohort[]>('/api/v1/cohorts'),
  open: (c: NewCohort) => api.post<Cohort>('/api/v1/cohorts', c),
  get: (id: string) => api.get<CohortView>(`/api/v1/cohorts/${encodeURIComponent(id)}`),
  enroll: (id: string, emails: string[]) => api.post<Outcome[]>(`/api/v1/cohorts/${encodeURIComponent(id)}/members`, { emails }),
  evaluator: (id: string, evaluatorId: string) => api.put<Cohort>(`/api/v1/cohorts/${encodeURIComponent(id)}/evaluator`, { evaluatorId }),
  month: (id: string, month: string) => api.get<MonthItem[]>(`/api/v1/cohorts/${encodeURIComponent(id)}/month?month=${encodeURIComponent(month)}`),
  mine: () => api.get<MyCohort[]>('/api/v1/me/cohorts'),
};

/** A due date's state in words. */
export const STATUS: Record<DueStatus, string> = {
  DUE: 'Due', OVERDUE: 'Overdue', SUBMITTED: 'Submitted', RETURNED: 'Returned for revision', PASSED: 'Passed',
};

/** What a due date is for: a task of a tier, or the tier. */
export const what = (d: Due) => (d.taskTitle ? `${d.taskTitle} (${d.tierTitle})` : d.tierTitle);

/** This month as the month input writes it (2026-10). */
export const thisMonth = () => new Date().toISOString().slice(0, 7);
