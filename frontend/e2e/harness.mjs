// The browser-journey harness: one service (the packaged jar, demo profile, fresh data directory, free port), one
// chromium, and the checks every journey shares (axe-core, no sideways scroll, no console error). Journeys live in
// e2e/journeys/*.mjs, one or more per file, registered with journey(); run.mjs loads the files in name order and runs
// them in that order, so a journey may build on an earlier one through `shared`. Add a journey by adding a file.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const here = new URL('.', import.meta.url).pathname;
export const jar = process.env.CAIRN_JAR ?? resolve(here, '../../target/cairn.jar');
export const shots = resolve(here, '../../target/e2e');
mkdirSync(shots, { recursive: true });
export const PASSWORD = 'e2e-demo-password-42';

const freePort = () => new Promise((ok) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

export const port = await freePort();
export const base = `http://127.0.0.1:${port}`;
export const dataDir = mkdtempSync(join(tmpdir(), 'cairn-e2e-'));
/** State journeys hand to later journeys (the teacher's submission is what the assessor reviews …). */
export const shared = {};
/** A journey that cannot run on this build (a prerequisite endpoint is missing): reported, never counted as passed. */
export class Skip extends Error {}

let service;
let log = '';
/** Everything the service has logged so far (start-up lines, the access log). */
export const serviceLog = () => log;
export let browser;
const registered = [];
const results = [];
export const a11yReport = [];

/** Registers a journey; `narrow` runs it at 375 × 740. */
export function journey(name, fn, opts = {}) { registered.push({ name, fn, opts }); }

export async function start() {
  service = spawn('java', ['-Xmx512m', '-jar', jar, `--server.port=${port}`, `--cairn.data-dir=${dataDir}`,
    `--cairn.public-base-url=${base}`, '--cairn.session.secure-cookie=false', '--spring.profiles.active=demo',
    `--cairn.demo.password=${PASSWORD}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  service.stdout.on('data', (d) => { log += d; });
  service.stderr.on('data', (d) => { log += d; });
  // generous: the demo seeding (earning, issuing) runs before readiness and is slow on a loaded machine
  // (E2E_START_SECONDS waits longer where many builds share the cores)
  let up = false;
  for (let i = 0; i < 2 * Number(process.env.E2E_START_SECONDS ?? 240) && !up; i++) {
    try { up = (await fetch(`${base}/actuator/health`)).ok; } catch { /* not up yet */ }
    if (service.exitCode !== null) break;
    if (!up) await new Promise((r) => setTimeout(r, 500));
  }
  if (!up) throw new Error(`service did not start:\n${log.slice(-5000)}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  // axe-core comes with every context as an init script: a <script> tag would be blocked by the app's CSP
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => { const c = await newContext(options); await c.addInitScript({ path: axePath }); return c; };
}

export async function stop() {
  await browser?.close().catch(() => {});
  service?.kill('SIGTERM');
  writeFileSync(join(shots, 'service.log'), log); // the service's own account of what failed
}

/** Runs the registered journeys in order (E2E_ONLY=a,b runs the named ones only). */
export async function runAll() {
  const only = process.env.E2E_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const j of registered) {
    if (only && !only.some((o) => j.name.includes(o))) continue;
    await runOne(j);
  }
  return results;
}

async function runOne({ name, fn, opts }) {
  const started = Date.now();
  shared.mark = (label) => { if (process.env.E2E_TIMING) console.log(`  ${name} +${((Date.now() - started) / 1000).toFixed(1)} s ${label}`); };
  const context = await browser.newContext({ viewport: opts.narrow ? { width: 375, height: 740 } : { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await fn(page, context);
    if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
    results.push([name, true, null, Date.now() - started]);
  } catch (e) {
    results.push([name, e instanceof Skip ? 'skip' : false, e, Date.now() - started]);
  } finally {
    const [, ok, , ms] = results.at(-1);
    console.log(`  ${ok === true ? 'done' : ok === 'skip' ? 'skip' : 'FAIL'} ${name} (${(ms / 1000).toFixed(1)} s)`);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }).catch(() => {});
    await context.close();
  }
}

/** Injects axe-core and fails on serious or critical violations of WCAG 2.1 A/AA. */
export async function axeFindings(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

export async function a11y(page, name) {
  const found = await axeFindings(page);
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  a11yReport.push({ page: name, url: page.url(), violations: found });
  if (bad.length) throw new Error(`accessibility (${name}): ${JSON.stringify(bad, null, 1)}`);
}

/** Nothing may scroll sideways. */
export async function fitsNarrow(page, name) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  if (scroll > width + 1) throw new Error(`${name}: page is ${scroll}px wide in a ${width}px viewport`);
}

// The journeys' teacher is invited by the admin (the demo teachers already carry the demo's own Parkway work).
export const TEACHER = { email: 'casey.rivera@example.org', name: 'Casey Rivera', password: 'casey-e2e-password-7' };

/** Signs in `teacher` (the invited one) or a demo account by its local part (`admin`, `assessor1`, `teacher1` …). */
export async function signIn(page, login) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(login === 'teacher' ? TEACHER.email : `${login}@demo.cairn.test`);
  await page.getByLabel('Password').fill(login === 'teacher' ? TEACHER.password : PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

export async function expectText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor();
}

export const words = (n, seed = 'students') => Array.from({ length: n }, (_, i) =>
  ['Personalized', 'learning', 'helped', 'my', seed, 'set', 'goals', 'and', 'reflect', 'daily.'][i % 10]).join(' ');

/** Every mail in the outbox (the service writes each as an .eml file), oldest first, quoted-printable undone. */
export function outbox() {
  const dir = join(dataDir, 'outbox');
  let files = [];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort(); } catch { return []; }
  return files.map((f) => {
    const raw = readFileSync(join(dir, f), 'utf8');
    // a MIME message: headers, a blank line, the body in its transfer encoding
    const split = raw.search(/\r?\n\r?\n/);
    const head = split < 0 ? raw : raw.slice(0, split);
    let body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = head.match(/^Content-Transfer-Encoding:\s*(\S+)/mi)?.[1]?.toLowerCase() ?? '7bit';
    if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable') {
      body = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => `%${hex}`)
        .replace(/%(?![0-9A-F]{2})/gi, '%25'), 'utf8').toString('utf8');
      body = decodeURIComponent(body);
    }
    // a long header is folded over several lines (RFC 5322 2.2.3): a line break followed by white space continues it
    const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
    const to = unfolded.match(/^To:\s*(.+)$/mi)?.[1]?.trim().replace(/^.*<([^>]+)>.*$/, '$1') ?? '';
    const subject = decodeWords(unfolded.match(/^Subject:\s*(.+)$/mi)?.[1]?.trim() ?? '');
    return { file: f, to, subject, text: `${head}\n\n${body}` };
  });
}

/**
 * A header's RFC 2047 encoded words (=?charset?B?…?= or =?charset?Q?…?=) as text. White space between two adjacent
 * encoded words is not part of the text (RFC 2047 6.2); a word split mid-character is joined before decoding.
 */
function decodeWords(value) {
  const word = /=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi;
  const bytes = (enc, text) => (enc.toUpperCase() === 'B'
    ? Buffer.from(text, 'base64')
    : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1'));
  let out = '';
  let last = 0;
  let pending = null; // bytes of adjacent encoded words in one charset, decoded together
  const flush = () => { if (pending) { out += new TextDecoder(pending.charset).decode(Buffer.concat(pending.parts)); pending = null; } };
  for (const m of value.matchAll(word)) {
    const between = value.slice(last, m.index);
    if (!(pending && /^\s*$/.test(between))) { flush(); out += between; }
    const charset = m[1].toLowerCase().replace(/\*.*$/, '');
    if (pending && pending.charset !== charset) flush();
    pending ??= { charset, parts: [] };
    pending.parts.push(bytes(m[2], m[3]));
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

/** The newest invitation mailed to `email`. */
export function invitationLink(email) {
  const mail = outbox().reverse().find((m) => m.text.includes(email) && m.text.includes('/invitations/'));
  if (!mail) throw new Error(`no invitation mail for ${email} in ${join(dataDir, 'outbox')}`);
  return mail.text.match(/https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]+/)[0];
}
