// Browser journeys against the real service: starts the packaged jar on a free port with a fresh data
// directory, drives Debian's chromium through playwright-core, and keeps screenshots in target/e2e.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

const jar = process.env.CAIRN_JAR ?? resolve('../target/cairn.jar');
const shots = resolve('../target/e2e');
mkdirSync(shots, { recursive: true });

const freePort = () => new Promise((ok) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'cairn-e2e-'));
const service = spawn('java', ['-Xmx512m', '-jar', jar, `--server.port=${port}`, `--cairn.data-dir=${dataDir}`,
  `--cairn.public-base-url=${base}`, '--cairn.session.secure-cookie=false'], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
service.stdout.on('data', (d) => { log += d; });
service.stderr.on('data', (d) => { log += d; });

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(`${base}/actuator/health`)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`service did not start:\n${log}`);
}

const results = [];
async function journey(name, fn) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  try {
    await fn(page);
    results.push([name, true]);
  } catch (e) {
    results.push([name, false, e]);
  } finally {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }).catch(() => {});
    await browser.close();
  }
}

try {
  await waitReady();
  await journey('home-page', async (page) => {
    await page.goto(base + '/');
    const heading = await page.textContent('h1');
    if (heading?.trim() !== 'Cairn') throw new Error(`unexpected heading ${heading}`);
  });
} finally {
  service.kill('SIGTERM');
}

let failed = 0;
for (const [name, ok, err] of results) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${err ? ': ' + (err.stack ?? err) : ''}`);
  if (!ok) failed++;
}
console.log(`browser journeys: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed || results.length === 0 ? 1 : 0);
