// The endorsement feature's pages.
import { type Route } from '../../core/app';
import { endorsements } from './endorsements';

export const routes: Route[] = [
  { path: /^\/admin\/endorsements$/, title: 'titles.endorsements', page: () => endorsements(), roles: ['DISTRICT_ADMIN'] },
];
