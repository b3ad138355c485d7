// Content-Security-Policy journey: every route of the app for each demo role, and every server-rendered page
// (public badge, issuer and criteria pages, the verification report, Swagger UI, a baked SVG opened on its own),
// visited with a listener for `securitypolicyviolation` events installed before any page script runs, plus the
// console errors Chromium writes for a blocked resource or a malformed policy. Any of them fails the journey.
import { base, journey, signIn } from '../harness.mjs';

const DEMO_LOGINS = ['admin', 'assessor1', 'assessor2', 'teacher1'];

/** Routes every signed-in person can open; the rest are found by following the links on the pages. */
const START = ['/catalog', '/my/badges', '/my/enrollments', '/reviews', '/admin/templates', '/admin/approvals',
  '/admin/people', '/admin/badges', '/admin/reports', '/verify'];

const PUBLIC_APP = ['/sign-in', '/password-resets', '/verify'];

const CSP_CONSOLE = /Content Security Policy|Refused to (load|execute|apply|connect|frame)|Permissions-Policy|Referrer Policy/i;

async function watch(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || location.href}:${e.lineNumber}`);
    });
  });
}

/** Opens `url` and fails on any violation or policy console error seen while it loads and settles. */
async function visit(page, url, seen) {
  const consoleErrors = [];
  const listener = (m) => { if (m.type() === 'error' && CSP_CONSOLE.test(m.text())) consoleErrors.push(m.text()); };
  page.on('console', listener);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    const csp = response?.headers()['content-security-policy'];
    if (!csp) throw new Error(`${url}: no Content-Security-Policy header`);
    const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    if (violations.length || consoleErrors.length) {
      throw new Error(`CSP violations on ${url}:\n  ${[...violations, ...consoleErrors].join('\n  ')}`);
    }
    seen.add(new URL(url).pathname);
  } finally {
    page.off('console', listener);
  }
}

/** Same-origin links on the current page that lead to pages (not downloads). */
async function links(page, base) {
  const hrefs = await page.$$eval('a[href]:not([download])', (as) => as.map((a) => a.href));
  // evidence files (published or private) are a teacher's own files under their own sandbox policy
  // ("sandbox; default-src 'none'"), not pages of Cairn: the browser's own image viewer styles inline there
  return hrefs.filter((h) => h.startsWith(base)
    && !/\.(pdf|png|svg|json|csv|zip)(\?|$)|[?&]format=|\/public\/evidence\/|\/api\/v1\/evidence\/[^/]+\/content/.test(h))
    .map((h) => h.split('#')[0]);
}

journey('no-csp-violations', async (page, context) => {
  await watch(context);
  const seen = new Set();
  for (const path of PUBLIC_APP) await visit(page, base + path, seen);

  for (const login of DEMO_LOGINS) {
    const ctx = await context.browser().newContext({ viewport: { width: 1280, height: 900 } });
    await watch(ctx);
    const p = await ctx.newPage();
    try {
      await signIn(p, login);
      const queue = START.map((s) => base + s);
      const visited = new Set();
      // breadth first over the app's own links, bounded so the journey stays short
      while (queue.length && visited.size < 30) {
        const url = queue.shift();
        const key = new URL(url).pathname;
        if (visited.has(key)) continue;
        visited.add(key);
        await visit(p, url, seen);
        for (const next of await links(p, base)) if (!visited.has(new URL(next).pathname)) queue.push(next);
      }
    } finally {
      await ctx.close();
    }
  }

  // the server-rendered pages of an issued demo badge, and the baked SVG on its own
  const teacher = await context.browser().newContext();
  const tp = await teacher.newPage();
  await signIn(tp, 'teacher1');
  const badges = await (await tp.request.get(`${base}/api/v1/me/badges`)).json();
  await teacher.close();
  if (!badges.length) throw new Error('the demo teacher has no badge to open');
  const id = badges[0].id;
  const assertion = await (await fetch(`${base}/public/assertions/${id}`, { headers: { Accept: 'application/ld+json' } })).json();
  const badgeUrl = typeof assertion.badge === 'string' ? assertion.badge : assertion.badge.id;
  const issuerUrl = (await (await fetch(badgeUrl, { headers: { Accept: 'application/ld+json' } })).json()).issuer;
  for (const url of [`${base}/public/assertions/${id}`, badgeUrl, `${badgeUrl}/criteria`, issuerUrl,
    `${base}/public/assertions/${id}/image?format=svg`, `${base}/swagger-ui/index.html`, `${base}/badge/${id}`]) {
    await visit(page, typeof url === 'string' ? url : url.id, seen);
  }
  // the verification report: the plain form post a page without script makes
  await page.setContent(`<form method="post" action="${base}/api/v1/verifications"><input name="url" value="${base}/public/assertions/${id}"><button>Verify</button></form>`);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error' && CSP_CONSOLE.test(m.text())) consoleErrors.push(m.text()); });
  const [report] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Verify' }).click()]);
  if (!report?.headers()['content-security-policy']) throw new Error('verification report: no Content-Security-Policy header');
  await page.locator('h1').waitFor();
  const violations = await page.evaluate(() => window.__cspViolations ?? []);
  if (violations.length || consoleErrors.length) throw new Error(`CSP violations on the verification report:\n  ${[...violations, ...consoleErrors].join('\n  ')}`);
  if (process.env.E2E_TIMING) console.log(`  no-csp-violations: ${seen.size} paths checked`);
});
