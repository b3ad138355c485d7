// The review feature's pages.
import { ID, type Route } from '../../core/app';
import { queue, review } from './review';
import { reassignReviews } from './reassign';

export const routes: Route[] = [
  { path: /^\/reviews$/, title: 'titles.reviews', page: () => queue(), roles: ['ASSESSOR'] },
  { path: new RegExp(`^/reviews/${ID}$`), title: 'titles.review', page: (p) => review(p as { id: string }), roles: ['ASSESSOR', 'DISTRICT_ADMIN'] },
  { path: /^\/admin\/reviews$/, title: 'titles.reviewsWaiting', page: () => reassignReviews(), roles: ['DISTRICT_ADMIN'] },
];
