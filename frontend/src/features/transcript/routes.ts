// The transcript feature's pages.
import { type Route } from '../../core/app';
import { adminHours, myHours } from './hours';
import { renewal } from './renewal';

export const routes: Route[] = [
  { path: /^\/my\/hours$/, title: 'titles.myHours', page: () => myHours(), roles: 'any' },
  { path: /^\/my\/renewals\/(?<id>[\w-]+)$/, title: 'titles.renew', page: (p) => renewal(p as { id: string }), roles: ['TEACHER'] },
  { path: /^\/admin\/hours$/, title: 'titles.hours', page: () => adminHours(), roles: ['DISTRICT_ADMIN'] },
];
