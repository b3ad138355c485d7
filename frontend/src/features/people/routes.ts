// The people feature's pages.
import { type Route } from '../../core/app';
import { people } from './people';

export const routes: Route[] = [
  { path: /^\/admin\/people$/, title: 'People', page: () => people(), roles: ['DISTRICT_ADMIN'] },
];
