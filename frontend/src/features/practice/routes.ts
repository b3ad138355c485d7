// The practice library's pages: browse and search, a piece, Saved, sharing one's own evidence, the district's
// setting, and the public page (no sign-in).
import { type Route, ID } from '../../core/app';
import { library, piecePage, savedPage } from './library';
import { sharePage, settingsPage } from './share';

export const routes: Route[] = [
  { path: /^\/practice$/, title: 'Practice library', page: (_, q) => library(q, false), roles: 'any' },
  { path: /^\/practice\/saved$/, title: 'Saved practice', page: () => savedPage(), roles: 'any' },
  { path: /^\/practice\/share$/, title: 'Share your practice', page: () => sharePage(), roles: ['TEACHER'] },
  { path: /^\/practice\/settings$/, title: 'Practice library settings', page: () => settingsPage(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/practice\/public$/, title: 'Shared practice', page: (_, q) => library(q, true), roles: 'public' },
  { path: new RegExp(`^/practice/public/${ID}$`), title: 'Shared practice', page: (p) => piecePage(p.id, true), roles: 'public' },
  { path: new RegExp(`^/practice/pieces/${ID}$`), title: 'Practice library', page: (p) => piecePage(p.id, false), roles: 'any' },
];
