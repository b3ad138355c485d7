// The practice library's pages: browse and search, a piece, Saved, sharing one's own evidence, the district's
// setting, and the public page (no sign-in).
import { type Route, ID } from '../../core/app';
import { library, piecePage, savedPage } from './library';
import { sharePage, settingsPage } from './share';

export const routes: Route[] = [
  { path: /^\/practice$/, title: 'titles.practice', page: (_, q) => library(q, false), roles: 'any' },
  { path: /^\/practice\/saved$/, title: 'titles.practiceSaved', page: () => savedPage(), roles: 'any' },
  { path: /^\/practice\/share$/, title: 'titles.practiceShare', page: () => sharePage(), roles: ['TEACHER'] },
  { path: /^\/practice\/settings$/, title: 'titles.practiceSettings', page: () => settingsPage(), roles: ['DISTRICT_ADMIN'] },
  { path: /^\/practice\/public$/, title: 'titles.practicePublic', page: (_, q) => library(q, true), roles: 'public' },
  { path: new RegExp(`^/practice/public/${ID}$`), title: 'titles.practicePublic', page: (p) => piecePage(p.id, true), roles: 'public' },
  { path: new RegExp(`^/practice/pieces/${ID}$`), title: 'titles.practice', page: (p) => piecePage(p.id, false), roles: 'any' },
];
