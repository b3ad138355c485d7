// The issuing feature's pages.
import { ID, type Route } from '../../core/app';
import { myBadges, publicPortfolio } from './my-badges';
import { publicBadge } from './public-badge';
import { issued } from './issued';

export const routes: Route[] = [
  { path: new RegExp(`^/badge/${ID}$`), title: 'titles.badge', page: (p) => publicBadge(p as { id: string }), roles: 'public' },
  { path: /^\/portfolio\/(?<slug>[^/]+)$/, title: 'titles.portfolio', page: (p) => publicPortfolio(p as { slug: string }), roles: 'public' },
  { path: /^\/my\/badges$/, title: 'titles.myBadges', page: () => myBadges(), roles: 'any' },
  { path: /^\/admin\/badges$/, title: 'titles.badgesIssued', page: (p, q) => issued(p, q), roles: ['DISTRICT_ADMIN'] },
];
