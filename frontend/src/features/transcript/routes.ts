// The transcript feature's pages.
import { type Route } from '../../core/app';
import { adminHours, myHours } from './hours';
import { renewal } from './renewal';

export const routes: Route[] = [
  { path: /^\/my\/hours$/, title: 'My hours', page: () => myHours(), roles: 'any' },
  { path: /^\/my\/renewals\/(?<id>[\w-]+)$/, title: 'Renew a badge', page: (p) => renewal(p as { id: string }), roles: ['TEACHER'] },
  { path: /^\/admin\/hours$/, title: 'Professional learning hours', page: () => adminHours(), roles: ['DISTRICT_ADMIN'] },
];
