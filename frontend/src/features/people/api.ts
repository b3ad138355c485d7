// Typed calls to the service's people endpoints (org.cairn.people).
import { api } from '../../core/http';
import type { Person } from './types';

export interface PersonInput {
  email?: string; displayName: string | null; roles: string[]; school: string | null; yearsOfExperience: number | null; coachId: string | null;
}

export const peopleApi = {
  list: () => api.get<Person[]>('/api/v1/people'),
  invite: (p: PersonInput) => api.post('/api/v1/people', p),
  update: (id: string, p: PersonInput) => api.put(`/api/v1/people/${encodeURIComponent(id)}`, p),
  setActive: (id: string, active: boolean) => api.post(`/api/v1/people/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`),
};
