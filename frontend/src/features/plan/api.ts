// Typed calls to the service's needs surveys, learning plans and recommendations (org.cairn.plan).
import { api } from '../../core/http';

export type QuestionKind = 'SCALE' | 'CLUSTERS' | 'COMPONENTS' | 'STANDARDS';
export interface Question { key: string; text: string; kind: QuestionKind; lowLabel?: string | null; highLabel?: string | null; maxChoices: number }
export type SurveyStatus = 'DRAFT' | 'OPEN' | 'CLOSED';
export interface Survey { id: string; title: string; schoolYear: string; intro?: string | null; questions: Question[]; status: SurveyStatus; openedAt?: string | null; closedAt?: string | null }
export interface Target { code: string; label: string; kind?: QuestionKind | null }
export interface SurveyView { survey: Survey; options: Record<string, Target[]>; answers: number }
export interface Answer { level?: number | null; choices?: string[] }
export interface MySurvey { survey: Survey; options: Record<string, Target[]>; answers: Record<string, Answer>; changedAt?: string | null }
export interface NewSurvey { title: string; schoolYear: string; intro: string; questions: Question[] }

export interface Choice { code: string; label: string; count: number }
export interface QuestionResult { key: string; text: string; kind: QuestionKind; answered: number; average?: number | null; levels: number[]; choices: Choice[] }
export interface Group { name: string; schools: string[]; teachers: number; respondents: number; shown: boolean; questions: QuestionResult[] }
export interface Results { surveyId: string; title: string; schoolYear: string; status: SurveyStatus; minGroupSize: number; respondents: number; groups: Group[] }

export type PlanState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
export interface Goal { statement: string; targets: string[]; families: string[]; targetYear: string }
export interface Plan { id: string; personId: string; firstYear: string; years: number; goals: Goal[]; state: PlanState; revision: number; supervisorId?: string | null; submittedAt?: string | null; decidedAt?: string | null; comment?: string | null }
export interface Chosen { familyId: string; templateId?: string | null; title: string }
export interface GoalView { goal: Goal; targets: Target[]; microcredentials: Chosen[] }
export interface HistoryEntry { id: string; revision: number; event: 'SUBMITTED' | 'APPROVED' | 'RETURNED'; byName?: string | null; at: string; comment?: string | null; goals: Goal[] }
export interface PlanView { plan: Plan; teacherName: string; school: string; supervisorId?: string | null; supervisorName?: string | null; goals: GoalView[]; history: HistoryEntry[]; canDecide: boolean }
export interface PlanSummary { id: string; teacherName: string; school: string; state: PlanState; goals: number; firstYear: string; years: number; submittedAt?: string | null; decidedAt?: string | null }
export interface Options { targets: Record<'CLUSTERS' | 'COMPONENTS' | 'STANDARDS', Target[]>; microcredentials: Chosen[]; schoolYear: string }
export interface Assigned { school: string; supervisorId: string; supervisorName: string }

export interface Reason { kind: 'CHOSEN' | 'GOAL' | 'NEED'; targetCode?: string | null; targetLabel?: string | null; goal?: string | null; targetYear?: string | null; count?: number | null; survey?: string | null }
export interface Recommendation { templateId: string; familyId: string; title: string; summary?: string | null; reasons: Reason[] }

export interface NeedsCell { code: string; chosen?: number | null; planned: number; pursuing: number; earned: number }
export interface NeedsRow { name: string; schools: string[]; teachers: number; respondents: number; shown: boolean; cells: NeedsCell[] }
export interface NeedsReport { survey?: { id: string; title: string; schoolYear: string; respondents: number; minGroupSize: number } | null; needs: Array<{ code: string; label: string }>; groups: NeedsRow[] }

const enc = encodeURIComponent;
export const planApi = {
  surveys: () => api.get<Survey[]>('/api/v1/surveys'),
  survey: (id: string) => api.get<SurveyView>(`/api/v1/surveys/${enc(id)}`),
  createSurvey: (s: NewSurvey) => api.post<SurveyView>('/api/v1/surveys', s),
  updateSurvey: (id: string, s: NewSurvey) => api.put<SurveyView>(`/api/v1/surveys/${enc(id)}`, s),
  openSurvey: (id: string) => api.post<SurveyView>(`/api/v1/surveys/${enc(id)}/open`),
  closeSurvey: (id: string) => api.post<SurveyView>(`/api/v1/surveys/${enc(id)}/close`),
  results: (id: string) => api.get<Results>(`/api/v1/surveys/${enc(id)}/results`),
  mySurveys: () => api.get<MySurvey[]>('/api/v1/me/surveys'),
  answer: (id: string, answers: Record<string, Answer>) => api.put<MySurvey>(`/api/v1/me/surveys/${enc(id)}/answers`, { answers }),
  myPlan: () => api.get<PlanView>('/api/v1/me/plan'),
  options: () => api.get<Options>('/api/v1/me/plan/options'),
  savePlan: (p: { firstYear: string; years: number; goals: Goal[] }) => api.put<PlanView>('/api/v1/me/plan', p),
  submitPlan: () => api.post<PlanView>('/api/v1/me/plan/submission'),
  /** A page of the plans the caller decides, last sent first; `state` or `decided` (approved and returned) narrow it. */
  plans: (o: { state?: PlanState; decided?: boolean; page?: number; size?: number } = {}) =>
    api.get<PlanSummary[]>(`/api/v1/plans?page=${o.page ?? 0}&size=${o.size ?? 50}${o.state ? `&state=${o.state}` : ''}${o.decided ? '&decided=true' : ''}`),
  plan: (id: string) => api.get<PlanView>(`/api/v1/plans/${enc(id)}`),
  decide: (id: string, decision: 'APPROVE' | 'RETURN', revision: number, comment: string) => api.post<PlanView>(`/api/v1/plans/${enc(id)}/decision`, { decision, revision, comment }),
  supervisors: () => api.get<Assigned[]>('/api/v1/plan-supervisors'),
  setSupervisor: (school: string, supervisorId: string) => api.put<Assigned>('/api/v1/plan-supervisors', { school, supervisorId }),
  removeSupervisor: (school: string) => api.del<void>(`/api/v1/plan-supervisors?school=${enc(school)}`),
  recommendations: () => api.get<Recommendation[]>('/api/v1/me/recommendations'),
  needs: () => api.get<NeedsReport>('/api/v1/reports/needs'),
};
