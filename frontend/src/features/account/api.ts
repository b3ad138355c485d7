// Typed calls to the service's account and invitation endpoints (org.cairn.account, org.cairn.people).
import { api } from '../../core/http';
import type { InvitationView } from './types';

export const accountApi = {
  signIn: (email: string, password: string) => api.post('/api/v1/auth/login', { email, password }),
  invitation: (token: string) => api.get<InvitationView>(`/api/v1/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, displayName: string, password: string) =>
    api.post(`/api/v1/invitations/${encodeURIComponent(token)}`, { displayName, password }),
  requestReset: (email: string) => api.post('/api/v1/password-resets', { email }),
  resetPassword: (token: string, password: string) => api.post(`/api/v1/password-resets/${encodeURIComponent(token)}`, { password }),
};
