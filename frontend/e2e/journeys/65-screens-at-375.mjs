import { a11y, base, expectText, fitsNarrow, journey, signIn } from '../harness.mjs';

// Every new screen on a phone: no sideways scroll, no serious accessibility finding; and New → Save → Delete leaves
// no "Untitled" behind.
journey('admin-screens-at-375', async (page) => {
  page.on('dialog', (d) => void d.accept());
  await signIn(page, 'admin');
  for (const [path, heading] of [['/admin/templates/new', 'New microcredential: untitled'], ['/admin/settings', 'District settings'],
    ['/admin/people/roles', 'People and roles'], ['/admin/badges', 'Badges issued'], ['/notifications', 'Notifications'], ['/account', 'Your account'],
    ['/admin/reviews', 'Reviews waiting'], ['/admin/approvals/history', 'Approval history']]) {
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await fitsNarrow(page, path);
    await a11y(page, `${path} at 375`);
  }
  await page.goto(`${base}/admin/templates`);
  await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
  await page.getByRole('row').nth(1).waitFor();
  const rows = await page.getByRole('row').count();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Scratch idea');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(/\/admin\/templates\/(?!new)[^/]+$/);
  await page.getByRole('button', { name: 'Delete draft' }).click();
  await page.waitForURL(/\/admin\/templates$/);
  await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
  await page.getByRole('row').nth(1).waitFor();
  if ((await page.getByRole('row').count()) !== rows) throw new Error('the deleted draft is still listed');
  // the district's signatory reaches the settings and back
  await page.goto(`${base}/admin/settings`);
  await page.getByLabel('Signed by (name)').fill('Dr. Maria Alvarez');
  await page.getByLabel('Signer’s title').fill('Superintendent');
  await page.getByRole('button', { name: 'Save badges and certificates' }).click();
  await page.waitForTimeout(300);
  await page.reload();
  if ((await page.getByLabel('Signed by (name)').inputValue()) !== 'Dr. Maria Alvarez') throw new Error('signatory not saved');
  await page.getByLabel('Professional learning budget per year, in dollars').fill('');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expectText(page.locator('.field-error'), 'Enter the budget in whole dollars');
}, { narrow: true });
