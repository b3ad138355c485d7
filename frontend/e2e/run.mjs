// Browser journeys against the real service (see harness.mjs): loads every e2e/journeys/*.mjs in name order,
// runs the journeys they register, and keeps screenshots and the accessibility report in target/e2e.
// `E2E_ONLY=route-inventory npm run e2e` runs the journeys whose name contains one of the given words.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { a11yReport, runAll, shots, start, stop } from './harness.mjs';

const dir = new URL('./journeys/', import.meta.url);
for (const f of readdirSync(dir).filter((x) => x.endsWith('.mjs')).sort()) await import(new URL(f, dir).href);

let results = [];
try {
  await start();
  results = await runAll();
} finally {
  await stop();
}

writeFileSync(join(shots, 'accessibility.json'), JSON.stringify(a11yReport, null, 1));
let failed = 0;
let skipped = 0;
for (const [name, ok, err, ms] of results) {
  if (ok === 'skip') { skipped++; console.log(`SKIP ${name}: ${err.message}`); continue; }
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${(ms / 1000).toFixed(1)} s)${err ? ': ' + (err.stack ?? err) : ''}`);
  if (!ok) failed++;
}
console.log(`accessibility: ${a11yReport.length} page states checked with axe-core, ${a11yReport.reduce((n, r) => n + r.violations.length, 0)} minor/moderate findings (target/e2e/accessibility.json)`);
console.log(`browser journeys: ${results.length - failed - skipped} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed || results.length === 0 ? 1 : 0);
