// The verification feature's pages.
import { type Route } from '../../core/app';
import { verifyPage } from './verify';

export const routes: Route[] = [
  { path: /^\/verify$/, title: 'Verify a badge', page: (p, q) => verifyPage(p, q), roles: 'public' },
];
