// The report feature's pages.
import { type Route } from '../../core/app';
import { reports } from './reports';

export const routes: Route[] = [
  { path: /^\/admin\/reports$/, title: 'titles.reports', page: (p, q) => reports(p, q), roles: ['DISTRICT_ADMIN'] },
];
