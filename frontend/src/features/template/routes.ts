// The template feature's pages.
import { ID, type Route } from '../../core/app';
import { catalogue, templatePage } from './catalog';
import { templates } from './templates';
import { editor } from './editor';

export const routes: Route[] = [
  { path: /^\/catalog$/, title: 'titles.catalog', page: (p, q) => catalogue(p, q), roles: 'any' },
  { path: new RegExp(`^/catalog/${ID}$`), title: 'titles.microcredential', page: (p) => templatePage(p as { id: string }), roles: 'any' },
  // old British-English paths keep working
  { path: /^\/catalogue$/, title: 'titles.catalog', redirect: () => '/catalog' },
  { path: new RegExp(`^/catalogue/${ID}$`), title: 'titles.microcredential', redirect: (p) => `/catalog/${p.id}` },
  { path: /^\/admin\/templates$/, title: 'titles.templates', page: () => templates(), roles: ['DISTRICT_ADMIN'] },
  { path: new RegExp(`^/admin/templates/${ID}$`), title: 'titles.template', page: (p) => editor(p as { id: string }), roles: ['DISTRICT_ADMIN'] },
];
