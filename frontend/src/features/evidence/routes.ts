// The evidence feature's pages.
import { ID, type Route } from '../../core/app';
import { workspace } from './workspace';

export const routes: Route[] = [
  { path: new RegExp(`^/my/enrollments/${ID}/tiers/(?<tier>[^/]+)$`), title: 'titles.tier', page: (p) => workspace(p as { id: string; tier: string }), roles: ['TEACHER'] },
];
