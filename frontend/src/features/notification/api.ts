// Typed calls to the service's notifications (org.cairn.notification).
import { api } from '../../core/http';

export interface Notice { id: string; kind: string; title: string; text: string; link?: string; createdAt: string; readAt?: string }
export interface Preferences { email: Record<string, boolean>; inApp: Record<string, boolean> }

export const notificationApi = {
  list: (unread = false) => api.get<Notice[]>(`/api/v1/notifications${unread ? '?unread=true' : ''}`),
  read: (id: string) => api.post<Notice>(`/api/v1/notifications/${encodeURIComponent(id)}/read`),
  preferences: () => api.get<Preferences>('/api/v1/notifications/preferences'),
  savePreferences: (p: Preferences) => api.put<Preferences>('/api/v1/notifications/preferences', p),
};
