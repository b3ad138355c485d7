// Typed calls to the service's notifications (org.cairn.notification).
import { api } from '../../core/http';

export interface Notice { id: string; kind: string; title: string; text: string; link?: string; createdAt: string; readAt?: string }
export interface Counts { unread: number; total: number }
export interface Preferences { email: Record<string, boolean>; inApp: Record<string, boolean> }

export const notificationApi = {
  page: (page: number, size: number) => api.get<Notice[]>(`/api/v1/notifications?page=${page}&size=${size}`),
  counts: () => api.get<Counts>('/api/v1/notifications/counts'),
  readAll: () => api.post<Counts>('/api/v1/notifications/read-all'),
  read: (id: string) => api.post<Notice>(`/api/v1/notifications/${encodeURIComponent(id)}/read`),
  preferences: () => api.get<Preferences>('/api/v1/notifications/preferences'),
  savePreferences: (p: Preferences) => api.put<Preferences>('/api/v1/notifications/preferences', p),
};
