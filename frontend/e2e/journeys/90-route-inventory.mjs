// Every route of the app, for every role that may open it (teacher, assessor, admin, visitor), at 320, 375 and
// 1280 px: no sideways scroll, no touch target under 44 px, no serious or critical axe finding, no console error,
// no "Page not found"; each route is reloaded and must come back the same. Screenshots land in
// target/e2e/routes/. One signed-in context per role is reused for all its routes, so the run stays fast.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { a11y, base, browser, journey, outbox, PASSWORD, shots } from '../harness.mjs';

const WIDTHS = [320, 375, 1280];
const DEAD_ENDS = ['Page not found', 'Not found', 'Something went wrong', 'Not available to you'];

/** Waits until the route has rendered: no skeleton, not busy, one heading. */
async function settled(page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main && !main.hasAttribute('aria-busy') && !main.querySelector('.skeleton') && main.querySelector('h1');
  }, null, { timeout: 15_000 });
}

/** What a person would trip over on this page at this width. */
async function findings(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      const wide = [...document.querySelectorAll('main *, header *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`);
      out.push(`page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px viewport (${wide.join(', ')})`);
    }
    const inSentence = (el) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const parent = el.parentElement;
      return [...parent.childNodes].some((n) => n !== el && ((n.nodeType === 3 && n.textContent.trim()) || (n.nodeType === 1 && getComputedStyle(n).display === 'inline' && n.textContent.trim())));
    };
    const small = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')) {
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0) continue; // not shown, or the off-screen skip link
      if (el.closest('[hidden]')) continue;
      if (el.tagName === 'A' && inSentence(el)) continue; // links inside running text are exempt (WCAG 2.5.8)
      if (el.type === 'checkbox' || el.type === 'radio') {
        const label = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
        if (label) {
          const l = label.getBoundingClientRect();
          r = { width: Math.max(r.right, l.right) - Math.min(r.left, l.left), height: Math.max(r.bottom, l.bottom) - Math.min(r.top, l.top) };
        }
      }
      if (r.height < 43.5 || r.width < 43.5) {
        small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.name || el.type || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    if (small.length) out.push(`touch targets under 44 px: ${small.slice(0, 6).join('; ')}${small.length > 6 ? ` … (${small.length})` : ''}`);
    // the product is for US districts: US English throughout
    const british = document.body.innerText.match(/\b(catalogue|enrolments?|unrecognised|recognised|colour|organisation|analyse|behaviour|summarised|licence)\b/i);
    if (british) out.push(`British spelling on the page: "${british[0]}"`);
    const h1 = document.querySelector('main h1')?.textContent?.trim() ?? '';
    return { problems: out, h1 };
  });
}

const slug = (path) => path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-').slice(0, 60) || 'home';

async function signedIn(login) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
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
async function inventory(role, context, routes, failures) {
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
    consoleErrors.push(`${m.text()} (${m.location()?.url ?? ''})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  for (const path of routes) {
    const problems = [];
    try {
      await page.setViewportSize({ width: WIDTHS[0], height: 740 });
      await page.goto(`${base}${path}`);
      await settled(page);
      let heading;
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width < 1000 ? 740 : 900 });
        await page.waitForTimeout(50);
        const f = await findings(page);
        heading ??= f.h1;
        if (DEAD_ENDS.includes(f.h1)) problems.push(`shows "${f.h1}"`);
        problems.push(...f.problems.map((p) => `${width}px: ${p}`));
        if (width !== 320) await page.screenshot({ path: join(dir, `${role}-${slug(path)}-${width}.png`), fullPage: true });
        if (width === 375) await a11y(page, `${role} ${path}`).catch((e) => problems.push(e.message));
      }
      await page.reload();
      await settled(page);
      const again = (await findings(page)).h1;
      if (again !== heading) problems.push(`after a reload shows "${again}" instead of "${heading}"`);
    } catch (e) {
      problems.push(e.message.split('\n')[0]);
    }
    if (consoleErrors.length) problems.push(`console: ${consoleErrors.splice(0).join('; ')}`);
    if (problems.length) failures.push(`${role} ${path}:\n    ${problems.join('\n    ')}`);
  }
  await page.close();
}

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
    await inventory('visitor', visitor, publicRoutes, failures);
    await inventory('teacher', teacher, ['/catalog', `/catalog/${e.templateId}`, '/my/enrollments', `/my/enrollments/${e.id}`,
      ...preview.tiers.map((t) => `/my/enrollments/${e.id}/tiers/${t.key}`), '/my/badges', '/my/hours', `/my/renewals/${badges[0].id}`, '/verify', `/badge/${badges[0].id}`,
      '/practice', '/practice/saved', '/practice/share', pieces[0] ? `/practice/pieces/${pieces[0].id}` : null,
      '/notifications', '/account'].filter(Boolean), failures);
    await inventory('assessor', assessor, ['/reviews', ...(queue[0] ? [`/reviews/${queue[0].submissionId}`] : []), '/catalog', '/verify',
      '/notifications', '/account'], failures);
    await inventory('admin', admin, ['/admin/templates', `/admin/templates/${templates[0].id}`, '/admin/approvals', '/admin/people',
      '/admin/badges', '/admin/reports', ...(submissions[0] ? [`/reviews/${submissions[0].id}`] : []), '/catalog', '/verify',
      '/admin/approvals/history', '/admin/people/roles', '/admin/people?left=1', '/admin/reviews', '/admin/settings', '/admin/endorsements', '/admin/hours', '/practice', '/practice/settings', '/notifications', '/account'], failures);
  } finally {
    await Promise.all([teacher, assessor, admin, visitor].map((c) => c.close()));
  }
  if (failures.length) throw new Error(`${failures.length} routes with problems:\n  ${failures.join('\n  ')}`);
});
