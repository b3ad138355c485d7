// A teacher renews an expiring badge through its template's renewal tier (issue 17): the district publishes a
// microcredential valid for 30 days with a renewal tier and awards it (through the API); the teacher opens "My
// badges", follows "Renew", starts the renewal, writes the renewal tier's reflection and submits it; an administrator
// passes it (through the API, as the review journey covers the review screen); the old badge then shows "Renewed",
// the new badge's public page says it renews an earlier one, and its image with the 3.0 credential downloads.
import { readFileSync } from 'node:fs';
import { a11y, base, expectText, journey, PASSWORD, signIn, words } from '../harness.mjs';

async function api(context, email) {
  await context.request.get(`${base}/api/v1/auth/providers`);
  const first = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const login = await context.request.post(`${base}/api/v1/auth/login`, { data: { email, password: PASSWORD }, headers: { 'X-XSRF-TOKEN': first } });
  if (!login.ok()) throw new Error(`sign-in of ${email}: ${login.status()}`);
  const xsrf = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? first;
  const call = async (method, path, data) => {
    const res = await context.request.fetch(`${base}${path}`, { method, data, headers: { 'X-XSRF-TOKEN': xsrf } });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : res.json();
  };
  return call;
}

const criterion = (key, name) => ({ key, name, descriptors: [`${name}: not yet.`, `${name}: shown in this year’s teaching.`] });
const reflection = (key, title, crit) => ({ key, kind: 'REFLECTION', title, prompt: `${title}: describe it.`, minWords: 20, maxWords: 300,
  minSeconds: null, maxSeconds: null, allowedKinds: [], minItems: null, maxItems: null, criteria: [crit], passRule: null });

journey('teacher-renews-badge', async (page, context) => {
  const adminContext = await context.browser().newContext();
  const admin = await api(adminContext, 'admin@demo.cairn.test');
  const title = `Renewable practice ${Date.now()}`;
  const renewalCriterion = criterion('current', 'Practice is current');
  const created = await admin('POST', '/api/v1/templates', {
    title, summary: 'A practice that stays current: renewed every month in this journey.', criteria: 'Show the practice in your classroom.',
    artwork: `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="#2a6e4f"/></svg>').toString('base64')}`, tags: { subjects: ['All subjects'], gradeBands: ['K-12'], topics: [] }, alignments: [], validFor: 'P30D',
    scale: { name: 'Two-level', levels: ['Not yet on track', 'On track'], passingLevel: 1 }, proposalRequired: false,
    tiers: [{ key: 'practice', title: 'Practice', description: 'Use it.', requires: [], awardedSeparately: false, stipendCents: 0,
      fundingSource: null, estimatedHours: 2, credits: 2, requirements: [reflection('use', 'Use', criterion('used', 'Used'))] }],
    renewal: { kind: 'TIER', tier: { key: 'renewal', title: 'Renewal: still current', description: 'Show it is still part of your teaching.',
      requires: [], awardedSeparately: false, stipendCents: 0, fundingSource: null, estimatedHours: 1, credits: null,
      requirements: [reflection('still-current', 'Still current', renewalCriterion)] } },
  });
  await admin('POST', `/api/v1/templates/${created.id}/publish`);
  const classes = await admin('GET', `/api/v1/templates/${created.id}/badge-classes`);
  const whole = classes.find((c) => !c.tierKey) ?? classes[0];
  const job = await admin('POST', `/api/v1/badges/${whole.id}/bulk-awards`, { recipients: [{ email: 'teacher2@demo.cairn.test', name: 'Jordan Teacher' }] });
  for (let i = 0; ; i++) {
    const now = await admin('GET', `/api/v1/bulk-awards/${job.id}`);
    if (now.done + now.failed >= now.total) { if (now.failed) throw new Error('the award failed'); break; }
    if (i > 600) throw new Error('the award was not issued');
    await page.waitForTimeout(100);
  }

  await signIn(page, 'teacher2');
  await page.goto(`${base}/my/badges`);
  const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: title }) });
  await card.waitFor();
  await card.getByRole('link', { name: 'Renew', exact: true }).click();
  await page.getByRole('heading', { name: `Renew “${title}”` }).waitFor();
  await expectText(page.locator('main'), 'Renewal: still current');
  await a11y(page, 'renew-badge');
  const oldId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('button', { name: 'Start the renewal' }).click();
  await page.waitForURL(/\/my\/enrollments\/[^/]+$/);
  await page.getByRole('heading', { name: `Renewal: ${title}` }).waitFor();
  // reload, then back to the renewal page: it now leads to the renewal under way
  await page.reload();
  await page.getByRole('heading', { name: `Renewal: ${title}` }).waitFor();
  const enrollmentUrl = page.url();
  await page.goto(`${base}/my/renewals/${encodeURIComponent(oldId)}`);
  await page.getByRole('link', { name: 'Continue the renewal' }).click();
  await page.waitForURL(enrollmentUrl);
  await page.getByRole('link', { name: 'Renewal: still current' }).click();
  await page.getByRole('heading', { name: 'Renewal: still current' }).waitFor();
  await page.getByLabel('Your reflection').fill(words(40, 'colleagues'));
  await page.getByLabel('Your reflection').blur();
  await expectText(page.locator('.saved'), 'Draft saved');
  await page.getByRole('button', { name: 'Submit this tier' }).click();
  await expectText(page.getByRole('status'), 'Submitted: your assessor will review it.');
  await a11y(page, 'renewal-submitted');

  // an administrator (not the teacher) passes it
  const enrollmentId = enrollmentUrl.split('/').pop();
  const [submission] = await admin('GET', `/api/v1/enrollments/${enrollmentId}/submissions`);
  await admin('POST', `/api/v1/submissions/${submission.id}/decision`, { attempt: 1, outcome: 'PASS', comment: 'Still current.',
    scores: [{ requirementKey: 'still-current', criterionKey: 'current', level: 1, feedback: 'Clearly part of this year.' }] });
  let renewedBy = null;
  for (let i = 0; i < 600 && !renewedBy; i++) {
    renewedBy = (await (await page.request.get(`${base}/api/v1/me/renewals/${encodeURIComponent(oldId)}`)).json()).renewedBy;
    if (!renewedBy) await page.waitForTimeout(100);
  }
  if (!renewedBy) throw new Error('the renewal was not issued');

  await page.goto(`${base}/my/badges`);
  await expectText(page.locator('li.card').filter({ has: page.locator(`a[href="/badge/${oldId}"]`) }), 'Renewed: a newer badge keeps it current.');
  const fresh = page.locator('li.card').filter({ has: page.locator(`a[href="/badge/${renewedBy}"]`) });
  await expectText(fresh, 'A renewal of an earlier badge.');
  await a11y(page, 'my-badges-renewed');
  const [download] = await Promise.all([page.waitForEvent('download'), fresh.getByRole('link', { name: 'Image with the 3.0 credential' }).click()]);
  const png = readFileSync(await download.path());
  if (png.subarray(1, 4).toString('latin1') !== 'PNG' || !png.toString('latin1').includes('openbadgecredential')) {
    throw new Error('the image with the 3.0 credential carries no openbadgecredential chunk');
  }
  await page.goto(`${base}/badge/${renewedBy}`);
  await expectText(page.locator('main'), 'Renews an earlier badge');
  await page.getByRole('link', { name: 'see the badge it renews' }).click();
  await page.waitForURL(`${base}/badge/${oldId}`);
  await adminContext.close();
});
