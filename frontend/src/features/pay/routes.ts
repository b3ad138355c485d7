// The compensation feature's pages.
import { type Route } from '../../core/app';
import { payPage } from './pay';

export const routes: Route[] = [
  { path: /^\/admin\/pay$/, title: 'titles.pay', page: () => payPage(), roles: ['DISTRICT_ADMIN'] },
];
