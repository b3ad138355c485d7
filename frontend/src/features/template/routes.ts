// The template feature's pages.
import { ID, type Route } from '../../core/app';
import { catalogue, templatePage } from './catalog';
import { templates } from './templates';
import { editor } from './editor';

export const routes: Route[] = [
  { path: /^\/catalogue$/, title: 'Catalogue', page: (p, q) => catalogue(p, q), roles: 'any' },
  { path: new RegExp(`^/catalogue/${ID}$`), title: 'Microcredential', page: (p) => templatePage(p as { id: string }), roles: 'any' },
  { path: /^\/admin\/templates$/, title: 'Templates', page: () => templates(), roles: ['DISTRICT_ADMIN'] },
  { path: new RegExp(`^/admin/templates/${ID}$`), title: 'Template', page: (p) => editor(p as { id: string }), roles: ['DISTRICT_ADMIN'] },
];
