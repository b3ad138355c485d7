// Typed calls to the service's review endpoints (org.cairn.review).
import { api } from '../../core/http';
import type { QueueItem, Submission } from './types';

export interface ScoreInput { requirementKey: string; criterionKey: string; level: number; feedback: string | null }

export const reviewApi = {
  queue: (page: number, size: number) => api.get<QueueItem[]>(`/api/v1/reviews?page=${page}&size=${size}`),
  /** Every waiting submission of the district, oldest first (admins). */
  districtQueue: <T>(page: number, size: number) => api.get<T[]>(`/api/v1/reviews/queue?page=${page}&size=${size}`),
  submission: (id: string) => api.get<Submission>(`/api/v1/submissions/${encodeURIComponent(id)}`),
  submissionsOf: (enrollmentId: string) => api.get<Submission[]>(`/api/v1/enrollments/${encodeURIComponent(enrollmentId)}/submissions`),
  decide: (id: string, attempt: number, outcome: 'PASS' | 'RETURN', scores: ScoreInput[], comment: string | null) =>
    api.post(`/api/v1/submissions/${encodeURIComponent(id)}/decision`, { attempt, outcome, scores, comment }),
};
