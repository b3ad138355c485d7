// A teacher with badges opens "My hours" from the menu, sees this fiscal year's total, downloads the transcript
// and gets a PDF that carries each badge's assertion; the administrator names the credit unit and downloads the
// hours CSV for the state.
import { readFileSync } from 'node:fs';
import { a11y, base, expectText, journey, signIn } from '../harness.mjs';

async function downloaded(page, locator) {
  const [d] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

journey('teacher-downloads-transcript', async (page, context) => {
  await signIn(page, 'teacher3'); // the demo's teacher with Parkway tier badges
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My hours' }).click();
  await page.getByRole('heading', { name: 'My hours' }).waitFor();
  await a11y(page, 'my-hours');
  const hours = await (await page.request.get(`${base}/api/v1/me/hours`)).json();
  if (!hours.badges.length) throw new Error('the demo teacher has no badges to list');
  await expectText(page.locator('main'), hours.badges[0].name);
  const pdf = await downloaded(page, page.getByRole('button', { name: 'Download transcript (PDF)' }));
  if (!/^transcript-\d{4}-\d{2}-\d{2}\.pdf$/.test(pdf.name)) throw new Error(`transcript file name ${pdf.name}`);
  const raw = pdf.bytes.toString('latin1');
  if (!raw.startsWith('%PDF')) throw new Error('the transcript download is not a PDF');
  if (!raw.includes('cairn-transcript.json') || !raw.includes(`openbadges-assertion-${hours.badges[0].assertionId}`)) {
    throw new Error('the transcript does not carry its badges\' assertions');
  }
  await expectText(page.getByRole('status'), `Downloaded ${pdf.name}`);
  // a reload comes back to the same page
  await page.reload();
  await page.getByRole('heading', { name: 'My hours' }).waitFor();

  await context.clearCookies();
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/reports`);
  await page.getByRole('link', { name: 'Professional learning hours for state reporting' }).click();
  await page.getByRole('heading', { name: 'Professional learning hours' }).waitFor();
  await a11y(page, 'admin-hours');
  // a fiscal year that is not one: said next to the field, nothing downloaded
  await page.getByLabel('Fiscal year').fill('last');
  await page.getByRole('button', { name: 'Download hours (CSV)' }).click();
  await expectText(page.locator('.field-error, .form-error'), 'fiscal year');
  await page.getByLabel('Fiscal year').fill('');
  const csv = await downloaded(page, page.getByRole('button', { name: 'Download hours (CSV)' }));
  const lines = csv.bytes.toString('utf8').trim().split(/\r?\n/);
  if (lines[0] !== 'person_email,person_name,school,credit_type,period_start,period_end,credits,badges') throw new Error(`CSV header ${lines[0]}`);
  if (!lines.some((l) => l.startsWith('teacher3@demo.cairn.test,'))) throw new Error(`teacher3 missing from the hours CSV: ${lines.join(' | ')}`);
});
