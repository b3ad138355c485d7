// Shared links (LinkedIn, portfolios, email, the URL printed on every certificate) must survive what people do with
// them: reload, back and forward, and opening them again days later from a browser that kept a copy. Every public
// page is opened, reloaded three times, left and returned to with back and forward, then opened from a second
// browser profile that revalidates its cached copy (If-None-Match). Fails on "Something went wrong", "Page not found",
// a console error, an uncaught error or a main response that is not 2xx/304.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { base, journey, PASSWORD, serviceLog as log } from '../harness.mjs';

const BROKEN = /Something went wrong|Page not found/;

/** The demo's public badge URLs from the service's start-up log (hosted, signed, revoked). */
function demoBadges(log) {
  const found = {};
  for (const m of log.matchAll(/^\s+.+?\s+(hosted|signed|revoked)\s+(https?:\/\/\S+\/public\/assertions\/([A-Za-z0-9_-]+))/gm)) {
    found[m[1]] ??= { url: m[2], id: m[3] };
  }
  return found;
}

/** Signs a demo teacher in through the API and switches the public portfolio on; returns its web-app URL. */
async function portfolioOf(browser, base, email, password) {
  const context = await browser.newContext();
  try {
    const login = await context.request.post(`${base}/api/v1/auth/login`, { data: { email, password } });
    if (!login.ok()) throw new Error(`sign-in as ${email}: ${login.status()}`);
    await context.request.get(`${base}/api/v1/me`);
    const xsrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
    const put = await context.request.put(`${base}/api/v1/me/portfolio`, {
      data: { enabled: true, headline: 'Shared links journey' }, headers: xsrf ? { 'X-XSRF-TOKEN': xsrf } : {},
    });
    if (!put.ok()) throw new Error(`portfolio switch: ${put.status()} ${await put.text()}`);
    const slug = (await put.json()).url.split('/').pop();
    return `${base}/portfolio/${slug}`;
  } finally {
    await context.close();
  }
}

/** Watches a page for console errors and uncaught exceptions. */
function watch(page, errors) {
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const resource = m.location()?.url ?? '';
    // answers the browser reports as failed loads although they are the right ones: the revoked badge's 410 Gone,
    // the web app asking an anonymous visitor's session (401), a site without a favicon
    const expected = /status of 410/.test(m.text())
      || (/status of 401/.test(m.text()) && resource.endsWith('/api/v1/me'))
      || resource.endsWith('/favicon.ico');
    if (!expected) errors.push(`console: ${m.text()} ${resource} (on ${page.url()})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message} (${page.url()})`));
}

async function expectShown(page, response, target, what) {
  const status = response?.status();
  // a revoked hosted assertion is 410 Gone by the Open Badges spec, and says so on its page
  const fine = target.gone ? status === 410 || status === 304 : (status >= 200 && status < 300) || status === 304;
  if (response && !fine) throw new Error(`${what} ${target.url}: main response ${status}`);
  // whichever comes first: the page's content or the app's error page
  await page.locator(target.ready).or(page.getByText(BROKEN)).first().waitFor();
  const text = await page.locator('body').innerText();
  if (BROKEN.test(text)) throw new Error(`${what} ${target.url}: "${text.match(BROKEN)[0]}"`);
  if (target.expect && !text.includes(target.expect)) throw new Error(`${what} ${target.url}: "${target.expect}" not shown`);
}

journey('shared-links-survive-reload', async (page, context) => {
  const badges = demoBadges(log());
  if (!badges.hosted || !badges.signed || !badges.revoked) throw new Error(`demo badges not in the log: ${JSON.stringify(badges)}`);
  const hosted = await (await fetch(badges.hosted.url, { headers: { Accept: 'application/ld+json' } })).json();
  const badgeClass = await (await fetch(hosted.badge, { headers: { Accept: 'application/ld+json' } })).json();
  const portfolio = await portfolioOf(context.browser(), base, 'teacher3@demo.cairn.test', PASSWORD);
  const targets = [
    { url: `${base}/badge/${badges.hosted.id}`, ready: '.public-badge h1', expect: 'This badge is current' },
    { url: `${base}/badge/${badges.signed.id}`, ready: '.public-badge h1', expect: 'This badge is current' },
    { url: `${base}/badge/${badges.revoked.id}`, ready: 'h1', expect: 'revoked' },
    { url: badges.hosted.url, ready: 'main h1', expect: 'Valid Open Badge' },
    { url: badges.signed.url, ready: 'main h1', expect: 'Valid Open Badge' },
    { url: badges.revoked.url, ready: 'main h1', expect: 'Revoked', gone: true },
    { url: hosted.badge, ready: 'main h1' },
    { url: `${hosted.badge}/criteria`, ready: 'main h1' },
    { url: badgeClass.issuer, ready: 'main h1' },
    { url: portfolio, ready: '.public-portfolio h1', expect: 'Badges (' },
    { url: `${base}/verify?url=${encodeURIComponent(badges.hosted.url)}`, ready: 'h1' },
  ];
  const errors = [];
  watch(page, errors);
  for (const target of targets) {
    await expectShown(page, await page.goto(target.url), target, 'open');
    for (let i = 1; i <= 3; i++) await expectShown(page, await page.reload(), target, `reload ${i}`);
  }
  // back through the history and forward again: every page comes back whole
  for (let i = targets.length - 2; i >= 0; i--) await expectShown(page, await page.goBack(), targets[i], 'back');
  for (let i = 1; i < targets.length; i++) await expectShown(page, await page.goForward(), targets[i], 'forward');

  // days later: a browser profile that kept a copy of each page opens the links again and revalidates them
  const profile = mkdtempSync(join(tmpdir(), 'cairn-e2e-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  let revalidated = 0;
  for (const round of ['first visit', 'with a cached copy']) {
    const logFrom = log().length;
    const persistent = await launch();
    try {
      const p = persistent.pages()[0] ?? await persistent.newPage();
      watch(p, errors);
      for (const target of targets) await expectShown(p, await p.goto(target.url), target, round);
    } finally {
      await persistent.close();
    }
    // the service's access log tells whether the browser revalidated its copies (If-None-Match -> 304)
    if (round !== 'first visit') revalidated = (log().slice(logFrom).match(/ 304 \d+ms/g) ?? []).length;
  }
  if (revalidated === 0) throw new Error('the cached copies were never revalidated (no 304 in the access log)');
  // the baked image and the certificate revalidate too
  for (const path of [`/public/assertions/${badges.signed.id}/image?format=png`, `/public/assertions/${badges.signed.id}/certificate.pdf`]) {
    const first = await fetch(`${base}${path}`);
    const tag = first.headers.get('etag');
    if (first.status !== 200 || !tag) throw new Error(`${path}: ${first.status}, ETag ${tag}`);
    const again = await fetch(`${base}${path}`, { headers: { 'If-None-Match': tag } });
    if (again.status !== 304) throw new Error(`${path} with its ETag: ${again.status}`);
  }
  if (errors.length) throw new Error(errors.join('\n'));
});
