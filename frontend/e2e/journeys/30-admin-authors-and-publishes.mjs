import { a11y, base, expectText, journey, signIn } from '../harness.mjs';

journey('admin-authors-and-publishes', async (page) => {
  await signIn(page, 'admin');
  await page.waitForURL(/\/admin\/templates$/);
  await a11y(page, 'templates');
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByRole('heading', { name: /^Edit:/ }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Restorative Circles');
  await page.getByLabel('Summary').fill('Run restorative circles in your classroom and reflect on what changed.');
  await page.getByLabel('Framework').selectOption({ label: 'Danielson Framework for Teaching' }).catch(async () => {
    await page.getByLabel('Framework').selectOption({ index: 1 });
  });
  await page.getByLabel('Entry').locator('option').nth(1).waitFor({ state: 'attached' });
  await page.getByLabel('Entry').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Add alignment' }).click();
  await page.getByLabel('Stipend ($)').fill('100');
  // publishing with an empty rubric criterion: the validator's problems appear next to the fields
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
  await a11y(page, 'editor');
  await page.getByLabel('Criteria narrative (Markdown)').fill('Hold at least three circles and reflect on what changed.');
  await page.getByLabel('Prompt to the teacher').fill('What changed for your students after three circles?');
  await page.getByLabel('Artwork (PNG or SVG)').setInputFiles({ name: 'circle.svg', mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#1f6f5c"/></svg>') });
  await page.getByRole('img', { name: 'Badge artwork preview' }).waitFor();
  await page.getByLabel('Criterion name').fill('Reflection depth');
  await page.getByLabel('Descriptor: Not yet on track').fill('Describes the circle without reflecting on it.');
  await page.getByLabel('Descriptor: On track').fill('Names what changed for students and why.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/admin\/templates\?published=/);
  const row = page.getByRole('row').filter({ hasText: 'Restorative Circles' });
  await expectText(row, 'published');
  // teachers now find it in the catalog
  await page.goto(`${base}/catalog/${new URL(page.url()).searchParams.get('published')}`);
  await page.getByRole('heading', { name: 'Restorative Circles' }).waitFor();
  await page.goto(`${base}/admin/reports`);
  await page.getByText('Completion funnel').waitFor();
  await a11y(page, 'reports');
  await page.goto(`${base}/admin/badges`);
  await page.getByRole('heading', { name: 'Bulk award' }).waitFor();
  await a11y(page, 'badges-issued');
});
