// The notification feature's pages (and, by importing inbox.ts, the header's unread count).
import { type Route } from '../../core/app';
import { inbox } from './inbox';

export const routes: Route[] = [
  { path: /^\/notifications$/, title: 'titles.notifications', page: () => inbox(), roles: 'any' },
];
