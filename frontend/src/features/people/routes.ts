// The people feature's pages.
import { type Route } from '../../core/app';
import { people } from './people';
import { directory } from './roster-import';

export const routes: Route[] = [
  { path: /^\/admin\/people$/, title: 'titles.people', page: (_, q) => people(q), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/admin\/people\/roles$/, title: 'titles.peopleAndRoles', page: () => directory(), roles: ['DISTRICT_ADMIN'] },
];
