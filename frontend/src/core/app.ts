// Session, routing and the shell: history routing (the service answers index.html for every client route) with a
// route table of plain page functions; focus moves to the new page's heading so keyboard and screen-reader users
// land where sighted users look.
import { ApiError, api } from './http';
import { type Language, type TitleKey, applyLanguage, language, rememberLanguage, t } from './i18n';
import { explain } from './problems';
import { h, skeleton } from '../ui';

export type Role = 'DISTRICT_ADMIN' | 'ASSESSOR' | 'COACH' | 'TEACHER';
export interface Me { id: string; districtId: string; email: string; displayName: string; roles: Role[]; platformAdmin: boolean; departed?: boolean;
  /** The interface language the person chose (null: follow the browser); older services leave it out. */
  language?: Language | null }

export const session: { me: Me | null } = { me: null };
export const has = (role: Role) => session.me?.roles.includes(role) ?? false;

/** A path segment named `id`, for route patterns. */
export const ID = '(?<id>[^/]+)';

export type Params = Record<string, string>;
export interface Route {
  path: RegExp;
  /** The page's title in the catalogue (the page's h1 wins when it has one). */
  title: TitleKey;
  page?: (p: Params, q: URLSearchParams) => Promise<Node> | Node;
  /** An old path kept working: where it now lives (the query string is kept). */
  redirect?: (p: Params) => string;
  /** Signed-in and one of these roles; `public` pages need no sign-in. */
  roles?: Role[] | 'public' | 'any';
}

let routes: Route[] = [];

/** Features add to the signed-in header (the notifications link with its unread count) without core knowing them. */
export const headerHooks: Array<(header: HTMLElement) => void> = [];
export function setRoutes(r: Route[]): void { routes = r; }

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to); else history.pushState(null, '', to);
  void render();
}

/** Same-origin links navigate in place; modified clicks and downloads keep the browser's behaviour. */
document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('/api/') || href.startsWith('/public/')
    || a.hasAttribute('download') || a.target) return;
  e.preventDefault();
  navigate(href);
});
window.addEventListener('popstate', () => void render());
window.addEventListener('cairn:signed-out', () => {
  if (session.me) { session.me = null; navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`, true); }
});

export async function loadSession(): Promise<void> {
  try { session.me = await api.get<Me>('/api/v1/me'); } catch { session.me = null; }
  await applyLanguage(session.me?.language);
}

/**
 * Switches the interface to `l` on this page and every later one: kept in this browser (signed-out visitors too) and,
 * signed in, stored on the account (mail and certificates follow it); an older service without the endpoint is fine.
 */
export async function chooseLanguage(l: Language | null): Promise<void> {
  rememberLanguage(l);
  if (session.me) {
    try { session.me = await api.put<Me>('/api/v1/me/language', { language: l }) ?? session.me; } catch { /* kept in this browser */ }
    if (session.me) session.me.language = l;
  }
  await applyLanguage(session.me?.language);
  await render();
}

/** The switch on every page: one button naming the other language in that language. */
function languageSwitch(): HTMLElement {
  const other: Language = language() === 'es' ? 'en' : 'es';
  return h('button', { type: 'button', class: 'link lang-switch', lang: other, 'aria-label': t('language.switchLabel'),
    onclick: () => void chooseLanguage(other) }, t('language.switchTo'));
}

function nav(): HTMLElement {
  const links: Array<[string, string]> = [];
  // a former teacher keeps their badges: those pages only, read-only
  if (session.me?.departed) links.push(['/my/badges', t('shell.myBadges')], ['/my/hours', t('shell.myHours')]);
  if (has('TEACHER')) links.push(['/catalog', t('shell.catalog')], ['/my/enrollments', t('shell.myWork')], ['/my/cohorts', t('shell.dueDates')], ['/my/plan', t('shell.myPlan')], ['/my/badges', t('shell.myBadges')], ['/my/hours', t('shell.myHours')]);
  if (has('ASSESSOR')) links.push(['/reviews', t('shell.reviews')], ...(has('DISTRICT_ADMIN') ? [] : [['/cohorts', t('shell.cohorts')] as [string, string]]));
  // supervisors (coaches, assessors standing for a principal) approve learning plans
  if ((has('COACH') || has('ASSESSOR')) && !has('DISTRICT_ADMIN')) links.push(['/plans', t('shell.plans')]);
  if (has('DISTRICT_ADMIN')) links.push(['/admin/templates', t('shell.templates')], ['/admin/approvals', t('shell.approvals')], ['/admin/cohorts', t('shell.cohorts')], ['/admin/plans', t('shell.needsAndPlans')],
    ['/admin/people', t('shell.people')], ['/admin/badges', t('shell.badgesIssued')], ['/admin/endorsements', t('shell.endorsements')], ['/admin/reports', t('shell.reports')], ['/admin/settings', t('shell.settings')]);
  if (session.me && !session.me.departed) links.push(['/practice', t('shell.practice')]);
  links.push(['/verify', t('shell.verify')]);
  const here = location.pathname;
  const list = h('ul', { id: 'nav-list' }, links.map(([href, label]) =>
    h('li', {}, h('a', { href, 'aria-current': here === href || here.startsWith(href + '/') ? 'page' : null }, label))));
  const toggle = h('button', { class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav-list', type: 'button' }, t('shell.menu'));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    list.classList.toggle('open', open);
  });
  const who = session.me
    ? h('div', { class: 'who' }, h('a', { href: '/account', 'aria-current': here === '/account' ? 'page' : null }, session.me.displayName || session.me.email),
      h('button', { type: 'button', class: 'link', onclick: signOut }, t('shell.signOut')), languageSwitch())
    : h('div', { class: 'who' }, h('a', { href: '/sign-in' }, t('shell.signIn')), languageSwitch());
  return h('nav', { 'aria-label': t('shell.mainNav') }, toggle, list, who);
}

async function signOut(): Promise<void> {
  await api.post('/api/v1/auth/logout').catch(() => undefined);
  session.me = null;
  navigate('/sign-in');
}

export function home(): string {
  if (session.me?.departed) return '/my/badges';
  if (has('TEACHER')) return '/catalog';
  if (has('ASSESSOR')) return '/reviews';
  if (has('DISTRICT_ADMIN')) return '/admin/templates';
  return '/sign-in';
}

let renderSeq = 0;
export async function render(): Promise<void> {
  const seq = ++renderSeq;
  const path = location.pathname === '/' ? (session.me ? home() : '/sign-in') : location.pathname;
  if (path !== location.pathname) history.replaceState(null, '', path);
  const header = document.getElementById('header')!;
  const main = document.getElementById('main')!;
  header.replaceChildren(h('a', { href: session.me ? home() : '/', class: 'brand' }, 'Cairn'), nav());
  if (session.me) for (const hook of headerHooks) hook(header);
  let match: { route: Route; params: Params } | undefined;
  for (const route of routes) {
    const m = path.match(route.path);
    if (m) { match = { route, params: m.groups ?? {} }; break; }
  }
  const skip = document.querySelector('a.skip');
  if (skip) skip.textContent = t('shell.skip');
  if (!match) { show(main, 'titles.notFound', h('section', {}, h('h1', {}, t('shell.pageNotFound')), h('p', {}, h('a', { href: '/' }, t('shell.goHome'))))); return; }
  const { route, params } = match;
  if (route.redirect) { history.replaceState(null, '', route.redirect(params) + location.search); void render(); return; }
  if (route.roles !== 'public' && !session.me) { navigate(`/sign-in?next=${encodeURIComponent(path + location.search)}`, true); return; }
  if (Array.isArray(route.roles) && !route.roles.some(has)) {
    show(main, 'titles.notAllowed', h('section', {}, h('h1', {}, t('shell.notAvailable')), h('p', {}, t('shell.notYourRoles'))));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  // the old page goes at once: a skeleton stands in until the new one has its data
  main.replaceChildren(skeleton());
  let content: Node;
  try {
    content = await route.page!(params, new URLSearchParams(location.search));
  } catch (e) {
    content = errorPage(e);
  }
  if (seq !== renderSeq) return; // a later navigation won
  main.removeAttribute('aria-busy');
  show(main, route.title, content);
}

function show(main: HTMLElement, title: TitleKey, content: Node): void {
  main.replaceChildren(content);
  const h1 = main.querySelector('h1');
  document.title = `${h1?.textContent || t(title)} · Cairn`;
  if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: true }); }
  window.scrollTo(0, 0);
}

export function errorPage(e: unknown): HTMLElement {
  const err = e instanceof ApiError ? e : null;
  return h('section', {},
    h('h1', {}, err?.status === 404 ? t('shell.notFoundTitle') : err?.status === 403 ? t('shell.notAllowedTitle') : t('shell.somethingWrong')),
    h('p', { role: 'alert' }, err ? explain({ status: err.status, title: err.title, detail: err.detail, slug: err.slug, errors: err.errors, extra: err.extra }).summary
      : t('shell.pageFailed')),
    h('p', {}, h('a', { href: '/' }, t('shell.goHome'))));
}
