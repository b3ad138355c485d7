import { a11y, base, expectText, journey, shared, signIn } from '../harness.mjs';

// New → Published without a dead end: nothing red on opening, a bad file refused on its own, the draft kept across
// a reload, publishing lists what is missing in words, and each entry leads to its field.
journey('admin-authors-and-publishes', async (page) => {
  await signIn(page, 'admin');
  await page.waitForURL(/\/admin\/templates$/);
  await page.getByRole('row').nth(1).waitFor();
  await a11y(page, 'templates');
  const before = await page.getByRole('row').count();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('heading', { name: 'New microcredential: untitled' }).waitFor();
  if (await page.locator('[aria-invalid="true"], .form-error').count()) throw new Error('the editor opens with errors showing');
  await a11y(page, 'editor-new');
  await page.getByLabel('Title', { exact: true }).fill('Restorative Circles');
  await page.getByRole('heading', { name: 'New microcredential: Restorative Circles' }).waitFor();
  await page.getByLabel('Summary', { exact: true }).fill('Run restorative circles in your classroom and reflect on what changed.');
  // one search over every framework
  await page.getByLabel(/^Search all frameworks/).fill('respect');
  await page.locator('.search-results button').first().click();
  await page.locator('[data-field="alignments[0]"]').waitFor();
  await page.getByLabel('Valid for: number').fill('3');
  await page.getByLabel('Valid for: unit').selectOption('Y');
  await page.getByLabel('Stipend in dollars').fill('100');
  await page.getByLabel('Tier title', { exact: true }).fill('Circles');
  await page.getByRole('group', { name: 'Tier 1: Circles' }).waitFor();
  // a large artwork (a 3 MB photo) is refused on its own; nothing else is lost
  await page.getByLabel(/^Badge artwork/).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.alloc(3 * 1024 * 1024, 1) }, { timeout: 60_000 });
  await expectText(page.locator('.artwork .field-error'), 'artwork can be at most 96 KB');
  if ((await page.getByLabel('Title', { exact: true }).inputValue()) !== 'Restorative Circles') throw new Error('the title was lost');
  // publishing an unfinished draft saves it and lists what is missing, in words
  await page.getByRole('button', { name: 'Publish' }).click();
  const missing = page.locator('.missing [role="alert"]');
  await expectText(missing, 'Not published yet');
  await expectText(missing, 'Badge artwork is missing.');
  await expectText(missing, 'Prompt to the teacher is missing.');
  if (/is required|\[\d\]/.test(await missing.innerText())) throw new Error(`problems not in plain words: ${await missing.innerText()}`);
  await a11y(page, 'editor-missing');
  await page.waitForURL(/\/admin\/templates\/[^/]+$/);
  const draftUrl = page.url();
  // the draft survives a reload with what was valid
  await page.reload();
  await page.getByRole('heading', { name: 'Edit: Restorative Circles' }).waitFor();
  if ((await page.getByLabel('Valid for: number').inputValue()) !== '3') throw new Error('the duration was not kept');
  // the list entry takes the person to the field
  await page.getByRole('button', { name: 'What is missing?' }).click();
  await page.locator('.missing a', { hasText: 'Prompt to the teacher' }).click();
  await page.getByLabel('Prompt to the teacher').fill('What changed for your students after three circles?');
  await page.getByLabel('What earners must show').fill('## Evidence\n- Hold at least **three** circles\n- Reflect on what changed\n<script>alert(1)</script>');
  await page.getByRole('button', { name: 'Show preview' }).click();
  await page.locator('.markdown-preview strong', { hasText: 'three' }).waitFor();
  if (await page.locator('.markdown-preview script').count()) throw new Error('Markdown preview rendered HTML');
  await expectText(page.locator('.markdown-preview'), '<script>alert(1)</script>');
  await page.getByLabel(/^Badge artwork/).setInputFiles({ name: 'circle.svg', mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#1f6f5c"/></svg>') });
  await page.getByRole('img', { name: 'Badge artwork' }).waitFor();
  await page.getByLabel('Criterion name').fill('Reflection depth');
  await page.getByLabel('What “Not yet on track” looks like').fill('Describes the circle without reflecting on it.');
  await page.getByLabel('What “On track” looks like').fill('Names what changed for students and why.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/admin\/templates\?published=/);
  const row = page.getByRole('row').filter({ hasText: 'Restorative Circles' });
  await expectText(row, 'published');
  shared.restorativeId = new URL(page.url()).searchParams.get('published');
  if ((await page.getByRole('row').count()) !== before + 1) throw new Error(`New left more than one template behind: ${before} rows before, ${await page.getByRole('row').count()} after`);
  if (!draftUrl.endsWith(shared.restorativeId)) throw new Error('the published template is not the draft that was saved');
  // teachers now find it in the catalog
  await page.goto(`${base}/catalog/${shared.restorativeId}`);
  await page.getByRole('heading', { name: 'Restorative Circles' }).waitFor();
  await page.goto(`${base}/admin/reports`);
  await page.getByText('Completion funnel').waitFor();
  await a11y(page, 'reports');
  await page.goto(`${base}/admin/badges`);
  await page.getByRole('heading', { name: 'Award a badge to many people' }).waitFor();
  await a11y(page, 'badges-issued');
});
