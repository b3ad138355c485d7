// The verification feature's pages.
import { type Route } from '../../core/app';
import { verifyPage } from './verify';

export const routes: Route[] = [
  { path: /^\/verify$/, title: 'titles.verify', page: (p, q) => verifyPage(p, q), roles: 'public' },
];
