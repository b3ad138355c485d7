// Typed calls to the service's people endpoints (org.cairn.people).
import { api } from '../../core/http';
import type { Person } from './types';

export interface PersonInput {
  email?: string; displayName: string | null; roles: string[]; school: string | null; yearsOfExperience: number | null; coachId: string | null;
}

export const peopleApi = {
  list: (left = false) => api.get<Person[]>(`/api/v1/people${left ? '?left=true' : ''}`),
  setDeparted: (id: string, departed: boolean) => api.post<Person>(`/api/v1/people/${encodeURIComponent(id)}/${departed ? 'depart' : 'return'}`),
  changeEmail: (id: string, email: string) => api.post<{ pendingEmail: string; linkExpiresAt: string }>(`/api/v1/people/${encodeURIComponent(id)}/email`, { email }),
  invite: (p: PersonInput) => api.post('/api/v1/people', p),
  update: (id: string, p: PersonInput) => api.put(`/api/v1/people/${encodeURIComponent(id)}`, p),
  setActive: (id: string, active: boolean) => api.post(`/api/v1/people/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`),
};
