// Every route of the app, for every role that may open it (teacher, assessor, admin, visitor), in English at 320,
// 375 and 1280 px and in Spanish at 320 and 1280 px: no sideways scroll, no touch target under 44 px, no serious or
// critical axe finding, no console error, no "Page not found"; in English each route is reloaded and must come back
// the same. In Spanish (chosen the way a Spanish-speaking browser chooses it: navigator.languages) the page must say
// <html lang="es">, show no raw catalogue key and no English text of the catalogue. Screenshots land in
// target/e2e/routes/. One signed-in context per role and language is reused for all its routes, so the run stays fast.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { a11y, base, browser, journey, outbox, PASSWORD, shots } from '../harness.mjs';
import { catalogues } from '../catalogues.mjs';
import { findings, settled, spanishFindings } from '../checks.mjs';

const WIDTHS = { en: [320, 375, 1280], es: [320, 1280] };
const DEAD_ENDS = ['Page not found', 'Not found', 'Something went wrong', 'Not available to you',
  'Página no encontrada', 'No encontrado', 'Algo salió mal', 'No disponible para usted'];

const slug = (path) => path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-').slice(0, 60) || 'home';

async function signedIn(login, lang = 'en') {
  // a Spanish-speaking visitor's browser: nothing chosen yet, so the app follows navigator.languages
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: lang === 'es' ? 'es-US' : 'en-US' });
  context.setDefaultTimeout(15_000);
  if (login) {
    const res = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { email: `${login}@demo.cairn.test`, password: PASSWORD },
      headers: { 'X-XSRF-TOKEN': await csrf(context) },
    });
    if (!res.ok()) throw new Error(`sign-in as ${login}: ${res.status()} ${await res.text()}`);
  }
  return context;
}

async function csrf(context) {
  await context.request.get(`${base}/api/v1/auth/providers`);
  return (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
}

async function json(context, path) {
  const res = await context.request.get(`${base}${path}`, { headers: { Accept: 'application/json' } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()}`);
  return res.json();
}

/** Visits each route at every width, reloads it, and collects what fails. */
async function inventory(role, context, routes, failures, lang = 'en', checks = null) {
  const dir = join(shots, 'routes');
  mkdirSync(dir, { recursive: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // a visitor's session probe answers 401 by design: the app asks whether someone is signed in
    if (/status of 401/.test(m.text()) && /\/api\/v1\/me$/.test(m.location()?.url ?? '')) return;
    // Open Badges hosted verification: a revoked assertion answers 410 Gone, which the page reads and explains
    if (/status of 410/.test(m.text()) && /\/public\/assertions\/[^/]+$/.test(m.location()?.url ?? '')) return;
    // the browser asks for /favicon.ico by itself on a fresh context's first page; the app links no favicon
    if (/status of 404/.test(m.text()) && /\/favicon\.ico$/.test(m.location()?.url ?? '')) return;
    consoleErrors.push(`${m.text()} (${m.location()?.url ?? ''})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  for (const path of routes) {
    const problems = [];
    try {
      await page.setViewportSize({ width: WIDTHS[lang][0], height: 740 });
      await page.goto(`${base}${path}`);
      await settled(page);
      let heading;
      if (lang === 'es') problems.push(...await spanishFindings(page, checks));
      for (const width of WIDTHS[lang]) {
        await page.setViewportSize({ width, height: width < 1000 ? 740 : 900 });
        await page.waitForTimeout(50);
        const f = await findings(page);
        heading ??= f.h1;
        if (DEAD_ENDS.includes(f.h1)) problems.push(`shows "${f.h1}"`);
        problems.push(...f.problems.map((p) => `${width}px: ${p}`));
        if (width !== 320 || lang === 'es') await page.screenshot({ path: join(dir, `${lang === 'es' ? 'es-' : ''}${role}-${slug(path)}-${width}.png`), fullPage: true });
        if (width === WIDTHS[lang][lang === 'es' ? 0 : 1]) await a11y(page, `${role} ${path}${lang === 'es' ? ' (es)' : ''}`).catch((e) => problems.push(e.message));
      }
      if (lang === 'en') {
        await page.reload();
        await settled(page);
        const again = (await findings(page)).h1;
        if (again !== heading) problems.push(`after a reload shows "${again}" instead of "${heading}"`);
      }
    } catch (e) {
      problems.push(e.message.split('\n')[0]);
    }
    if (consoleErrors.length) problems.push(`console: ${consoleErrors.splice(0).join('; ')}`);
    if (problems.length) failures.push(`${role} ${path}${lang === 'es' ? ' (es)' : ''}:\n    ${problems.join('\n    ')}`);
  }
  await page.close();
}

/** Each role's routes, found from the demo district's data (the same lists in both languages). */
let routesByRole = null;

journey('route-inventory', async () => {
  const failures = [];
  const teacher = await signedIn('teacher3');
  const assessor = await signedIn('assessor1');
  const admin = await signedIn('admin');
  const visitor = await signedIn(null);
  try {
    // real ids from the demo district: the third teacher passed tiers 1 and 2 of Parkway and holds badges
    const enrollments = await json(teacher, '/api/v1/enrollments');
    const e = enrollments.find((x) => x.state === 'ACTIVE' || x.state === 'COMPLETED') ?? enrollments[0];
    const preview = await json(teacher, `/api/v1/catalogue/${e.templateId}`);
    const badges = await json(teacher, '/api/v1/me/badges');
    const submissions = await json(teacher, `/api/v1/enrollments/${e.id}/submissions`);
    const templates = await json(admin, '/api/v1/templates');
    const issued = await json(admin, '/api/v1/assertions?size=100');
    const revoked = issued.find((a) => a.revoked);
    const queue = await json(assessor, '/api/v1/reviews');
    const cohorts = await json(admin, '/api/v1/cohorts');
    const month = new Date().toISOString().slice(0, 7);
    const surveys = await json(admin, '/api/v1/surveys');
    const plans = await json(admin, '/api/v1/plans');
    const portfolio = await teacher.request.put(`${base}/api/v1/me/portfolio`, {
      data: { enabled: true, headline: null }, headers: { 'X-XSRF-TOKEN': await csrf(teacher) },
    }).then((r) => r.json());

    const publicPieces = await json(visitor, '/api/v1/public/practice/pieces?size=1');
    const pieces = await json(teacher, '/api/v1/practice/pieces?size=1');
    const publicRoutes = ['/practice/public', publicPieces[0] ? `/practice/public/${publicPieces[0].id}` : null, '/sign-in', '/password-resets', '/password-resets/not-a-real-token', '/verify',
      '/sign-in/link', '/sign-in-link/not-a-real-token',
      // an address verification link from the outbox (used by identity-follows-the-teacher: it reads "verified")
      outbox().map((m) => m.text.match(/\/verify-address\/[A-Za-z0-9_-]+/)?.[0]).find(Boolean),
      `/badge/${badges[0].id}`, revoked ? `/badge/${revoked.id}` : null,
      portfolio.url ? new URL(portfolio.url).pathname : null].filter(Boolean);
    routesByRole = { visitor: publicRoutes };
    await inventory('visitor', visitor, publicRoutes, failures);
    await inventory('teacher', teacher, routesByRole.teacher = ['/catalog', `/catalog/${e.templateId}`, '/my/enrollments', `/my/enrollments/${e.id}`,
      ...preview.tiers.map((t) => `/my/enrollments/${e.id}/tiers/${t.key}`), '/my/badges', '/my/hours', '/my/cohorts', '/my/plan', '/my/survey', '/my/recommendations', `/my/renewals/${badges[0].id}`, '/verify', `/badge/${badges[0].id}`,
      '/practice', '/practice/saved', '/practice/share', pieces[0] ? `/practice/pieces/${pieces[0].id}` : null,
      '/notifications', '/account'].filter(Boolean), failures);
    await inventory('assessor', assessor, routesByRole.assessor = ['/reviews', ...(queue[0] ? [`/reviews/${queue[0].submissionId}`] : []), '/cohorts',
      ...cohorts.map((c) => `/cohorts/${c.id}/month?month=${month}`).slice(0, 1), '/plans', '/catalog', '/verify',
      '/notifications', '/account'], failures);
    await inventory('admin', admin, routesByRole.admin = ['/admin/templates', `/admin/templates/${templates[0].id}`, '/admin/approvals', '/admin/people',
      '/admin/badges', '/admin/reports', ...(submissions[0] ? [`/reviews/${submissions[0].id}`] : []), '/catalog', '/verify',
      '/admin/approvals/history', '/admin/people/roles', '/admin/people?left=1', '/admin/reviews', '/admin/settings', '/admin/endorsements', '/admin/hours', '/admin/pay',
      '/admin/cohorts', ...cohorts.map((c) => `/admin/cohorts/${c.id}`).slice(0, 1),
      '/admin/plans', '/admin/surveys/new', ...surveys.map((x) => `/admin/surveys/${x.id}`).slice(0, 1), '/admin/reports/needs', ...plans.map((x) => `/plans/${x.id}`).slice(0, 1), '/practice', '/practice/settings', '/notifications', '/account'], failures);
  } finally {
    await Promise.all([teacher, assessor, admin, visitor].map((c) => c.close()));
  }
  if (failures.length) throw new Error(`${failures.length} routes with problems:\n  ${failures.join('\n  ')}`);
});

// The same routes in Spanish, as a browser set to Spanish first opens them (run after the English inventory, which
// finds the routes): every text from the Spanish catalogue, nothing left in English, nothing wider than the screen.
journey('route-inventory-es', async () => {
  if (!routesByRole) throw new Error('the English route inventory did not run first (it finds the routes)');
  const { keys, english } = await catalogues();
  const checks = { keys, english };
  const failures = [];
  const contexts = { visitor: await signedIn(null, 'es'), teacher: await signedIn('teacher3', 'es'),
    assessor: await signedIn('assessor1', 'es'), admin: await signedIn('admin', 'es') };
  try {
    for (const [role, routes] of Object.entries(routesByRole)) await inventory(role, contexts[role], routes, failures, 'es', checks);
  } finally {
    await Promise.all(Object.values(contexts).map((c) => c.close()));
  }
  if (failures.length) throw new Error(`${failures.length} routes with problems in Spanish:\n  ${failures.join('\n  ')}`);
});
