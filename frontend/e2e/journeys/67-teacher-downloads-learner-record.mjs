// A teacher with badges downloads their signed learner record (CLR 2.0) from "My hours": a ClrCredential holding
// each current badge's Open Badges 3.0 credential with its hours, which the public verifier accepts with every
// badge inside, on the API and on the verify page (as a file from a wallet); the administrator downloads the same
// teacher's record from the person's card on the People page.
import { readFileSync } from 'node:fs';
import { a11y, base, expectText, journey, signIn } from '../harness.mjs';

async function downloaded(page, locator) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), locator.click()]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

function learnerRecord(file, expected) {
  if (!/^learner-record-\d{4}-\d{2}-\d{2}\.json$/.test(file.name)) throw new Error(`learner record file name ${file.name}`);
  const record = JSON.parse(file.text);
  if (!record.type.includes('ClrCredential') || record.proof?.[0]?.cryptosuite !== 'eddsa-rdfc-2022') {
    throw new Error(`not a signed ClrCredential: ${file.text.slice(0, 200)}`);
  }
  const held = record.credentialSubject.verifiableCredential.length;
  if (held !== expected) throw new Error(`the record holds ${held} credentials, ${expected} current badges expected`);
  return record;
}

journey('teacher-downloads-learner-record', async (page, context) => {
  await signIn(page, 'teacher3'); // the demo's teacher with Parkway tier badges
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My hours' }).click();
  await page.getByRole('heading', { name: 'My hours' }).waitFor();
  await page.getByRole('heading', { name: 'Learner record' }).waitFor();
  await a11y(page, 'my-hours-learner-record');
  const hours = await (await page.request.get(`${base}/api/v1/me/hours`)).json();
  const current = hours.badges.filter((b) => !b.expired).length;
  if (!current) throw new Error('the demo teacher has no current badges');
  const file = await downloaded(page, page.getByRole('button', { name: 'Download learner record (CLR)' }));
  const record = learnerRecord(file, current);
  await expectText(page.getByRole('status'), `Downloaded ${file.name}`);

  // anyone can check it: the record and every badge inside verify
  const report = await (await page.request.post(`${base}/api/v1/verifications`,
    { data: { assertion: file.text }, headers: { accept: 'application/json' }, timeout: 120_000 })).json();
  if (!report.valid || report.kind !== 'ClrCredential' || report.credentials.length !== current) {
    throw new Error(`the learner record does not verify: ${JSON.stringify(report.checks.filter((c) => c.outcome === 'failed'))}`);
  }

  // and on the verify page, as a file from a wallet: the record and each badge inside
  await page.goto(`${base}/verify`);
  await page.getByLabel('Badge file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await page.getByRole('heading', { name: '✓ Valid learner record' }).waitFor({ timeout: 120_000 });
  await page.getByRole('heading', { name: `Badges in this learner record (${current})` }).waitFor();
  await a11y(page, 'verify-learner-record');

  await context.clearCookies();
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/people`);
  await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
  const button = page.getByRole('button', { name: 'Download learner record (CLR) of Riley Teacher' });
  // the list comes 50 at a time (other journeys import more people): show more until the teacher is there
  for (let i = 0; i < 20 && !(await button.count()); i++) {
    const more = page.getByRole('button', { name: 'Show more people' });
    if (!(await more.count())) break;
    await more.click();
    await page.waitForTimeout(300);
  }
  const mine = await downloaded(page, button);
  const copy = learnerRecord(mine, current);
  const ids = (r) => r.credentialSubject.verifiableCredential.map((c) => c.id).sort().join(' ');
  if (ids(copy) !== ids(record)) throw new Error('the administrator\'s copy holds other badges than the teacher\'s');
  await expectText(page.getByRole('status'), `Downloaded ${mine.name}`);
});
