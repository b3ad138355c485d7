// The template feature's pages.
import { ID, type Route } from '../../core/app';
import { catalogue, templatePage } from './catalog';
import { templates } from './templates';
import { editor } from './editor';

export const routes: Route[] = [
  { path: /^\/catalog$/, title: 'Catalog', page: (p, q) => catalogue(p, q), roles: 'any' },
  { path: new RegExp(`^/catalog/${ID}$`), title: 'Microcredential', page: (p) => templatePage(p as { id: string }), roles: 'any' },
  // old British-English paths keep working
  { path: /^\/catalogue$/, title: 'Catalog', redirect: () => '/catalog' },
  { path: new RegExp(`^/catalogue/${ID}$`), title: 'Microcredential', redirect: (p) => `/catalog/${p.id}` },
  { path: /^\/admin\/templates$/, title: 'Templates', page: () => templates(), roles: ['DISTRICT_ADMIN'] },
  { path: new RegExp(`^/admin/templates/${ID}$`), title: 'Template', page: (p) => editor(p as { id: string }), roles: ['DISTRICT_ADMIN'] },
];
