// The district feature's pages.
import { type Route } from '../../core/app';
import { settings } from './settings';

export const routes: Route[] = [
  { path: /^\/admin\/settings$/, title: 'titles.districtSettings', page: () => settings(), roles: ['DISTRICT_ADMIN'] },
];
