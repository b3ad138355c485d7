import { readFileSync } from 'node:fs';
import { a11y, expectText, journey, shared, signIn, words } from '../harness.mjs';

journey('teacher-uploads-evidence', async (page) => {
  if (!shared.png || !shared.enrolmentUrl) throw new Error('needs the journeys above');
  await signIn(page, 'teacher');
  await page.goto(shared.enrolmentUrl);
  await page.getByRole('link', { name: 'Tier 2: Evidence of implementation' }).click();
  await page.getByRole('heading', { name: 'Tier 2: Evidence of implementation' }).waitFor();
  await page.getByLabel('Add files to Artifacts of implementation').setInputFiles({ name: 'anchor-chart.png', mimeType: 'image/png', buffer: readFileSync(shared.png) });
  await page.locator('.files li[data-name="anchor-chart.png"] img').waitFor();
  // a file the requirement does not accept is refused next to its upload, with a retry
  await page.getByLabel('Add files to Artifacts of implementation').setInputFiles({ name: 'notes.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ not a document') });
  // in words: what kind of file it is (or that Cairn cannot tell) and what this part takes
  await expectText(page.locator('.upload .form-error'), /this part takes|cannot tell what kind of file/);
  // no full progress bar on a refused upload, and no retry that cannot work
  if (await page.locator('.upload progress').count()) throw new Error('a refused upload still shows its progress bar');
  if (/\[|forbidden|Content Too Large/.test(await page.locator('.upload .form-error').innerText())) throw new Error('developer text in the upload error');
  await page.getByRole('button', { name: 'Dismiss notes.exe' }).click();
  await page.locator('.upload').waitFor({ state: 'detached' });
  await page.getByLabel('Your reflection').fill(words(300));
  await expectText(page.locator('.saved'), 'Draft saved');
  await a11y(page, 'uploads');
  await page.reload();
  await page.locator('.files li[data-name="anchor-chart.png"]').waitFor();
  await expectText(page.locator('.counter'), '300 words');
  // the teacher chooses what the public badge page may show
  await page.getByLabel('Artifacts of implementation: anchor-chart.png').check();
  await expectText(page.locator('#toast'), 'Will be shown publicly');
  await page.reload();
  if (!(await page.getByLabel('Artifacts of implementation: anchor-chart.png').isChecked())) throw new Error('visibility not kept');
}, { narrow: true });
