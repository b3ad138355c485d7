// The transcript feature's pages.
import { type Route } from '../../core/app';
import { adminHours, myHours } from './hours';

export const routes: Route[] = [
  { path: /^\/my\/hours$/, title: 'My hours', page: () => myHours(), roles: 'any' },
  { path: /^\/admin\/hours$/, title: 'Professional learning hours', page: () => adminHours(), roles: ['DISTRICT_ADMIN'] },
];
