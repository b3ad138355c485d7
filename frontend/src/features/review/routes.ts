// The review feature's pages.
import { ID, type Route } from '../../core/app';
import { queue, review } from './review';
import { reassignReviews } from './reassign';

export const routes: Route[] = [
  { path: /^\/reviews$/, title: 'Reviews', page: () => queue(), roles: ['ASSESSOR'] },
  { path: new RegExp(`^/reviews/${ID}$`), title: 'Review', page: (p) => review(p as { id: string }), roles: ['ASSESSOR', 'DISTRICT_ADMIN'] },
  { path: /^\/admin\/reviews$/, title: 'Reviews waiting', page: () => reassignReviews(), roles: ['DISTRICT_ADMIN'] },
];
