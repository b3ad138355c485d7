// Typed calls to the service's people endpoints (org.cairn.people).
import { api } from '../../core/http';
import type { Person } from './types';

export interface PersonInput {
  email?: string; displayName: string | null; roles: string[]; school: string | null; yearsOfExperience: number | null; coachId: string | null;
}

export const peopleApi = {
  /** One page of the district's people, by email. */
  page: (page: number, size: number) => api.get<Person[]>(`/api/v1/people?page=${page}&size=${size}`),
  /** Everyone holding a role (coaches, assessors: a few per district), by email. */
  withRole: (role: string) => api.get<Person[]>(`/api/v1/people?role=${encodeURIComponent(role)}&size=500`),
  /** The people a page of another list names. */
  byIds: (ids: Iterable<string | undefined | null>) => {
    const wanted = [...new Set([...ids].filter((x): x is string => !!x))];
    return wanted.length ? api.get<Person[]>(`/api/v1/people?ids=${wanted.map(encodeURIComponent).join(',')}`) : Promise.resolve([] as Person[]);
  },
  invite: (p: PersonInput) => api.post('/api/v1/people', p),
  update: (id: string, p: PersonInput) => api.put(`/api/v1/people/${encodeURIComponent(id)}`, p),
  setActive: (id: string, active: boolean) => api.post(`/api/v1/people/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`),
};
